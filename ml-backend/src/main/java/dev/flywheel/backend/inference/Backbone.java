package dev.flywheel.backend.inference;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A user-supplied TorchScript feature extractor ({@code FLYWHEEL_BACKBONE}), frozen: Flywheel never trains it, it
 * only trains a head on its features. Identified by the SHA-256 of its file, so a version trained on one backbone is
 * never served with another.
 *
 * <p>Preprocessing is fixed by the operator's settings: resized to {@code inputSize} square, scaled to [0, 1], then
 * normalised per channel (ImageNet's mean and std by default). Owns its model and a small predictor pool, since a DJL
 * predictor must not be shared by threads: training and the {@code /predict} workers embed at the same time.
 */
public final class Backbone implements AutoCloseable {

    private static final int MAX_BATCH = 32;

    private final Path file;
    private final String sha256;
    private final ImageTensors tensors;
    private final float[] mean;
    private final float[] std;
    private final PredictorPool<float[], float[]> pool;
    private final int dimension;

    private Backbone(Path file, String sha256, int inputSize, float[] mean, float[] std, Model model, int poolSize) {
        this.file = file;
        this.sha256 = sha256;
        this.tensors = new ImageTensors(inputSize);
        this.mean = mean.clone();
        this.std = std.clone();
        this.pool = new PredictorPool<>("the backbone", model, new BackboneTranslator(inputSize), poolSize, MAX_BATCH);
        // The probe: a black image through the real path, so a wrong output shape fails here, at start.
        this.dimension = embedRgb(List.of(new byte[3 * inputSize * inputSize])).getFirst().length;
        if (dimension < 1) {
            throw new IllegalArgumentException("the backbone answered an empty feature vector");
        }
    }

    /**
     * Loads and probes a TorchScript backbone.
     *
     * @param mean per-channel RGB mean of the [0, 1] pixels
     * @param std per-channel RGB standard deviation
     * @param poolSize predictors, one per concurrent caller
     * @throws IllegalArgumentException when the file is not TorchScript, or its output is not {@code [N, D]} or
     *     {@code [N, D, 1, 1]} for a {@code [1, 3, inputSize, inputSize]} input; the message says which
     */
    public static Backbone load(Path file, int inputSize, List<Float> mean, List<Float> std, int poolSize) {
        String sha256 = sha256(file);
        Model model = Model.newInstance("backbone-" + sha256.substring(0, 8), "PyTorch");
        try {
            model.load(file);
            return new Backbone(file, sha256, inputSize, floats(mean), floats(std), model, poolSize);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new IllegalArgumentException("could not be used as a TorchScript backbone (" + file + "): " + reason(e), e);
        }
    }

    /** Hex SHA-256 of the backbone file: what a version records and what serving checks. */
    public String sha256() {
        return sha256;
    }

    /** Length D of a feature vector, found by the probe at load. */
    public int dimension() {
        return dimension;
    }

    public int inputSize() {
        return tensors.size();
    }

    public Path file() {
        return file;
    }

    public List<Float> mean() {
        return boxed(mean);
    }

    public List<Float> std() {
        return boxed(std);
    }

    /**
     * A short hex key of everything that decides an embedding: the file's hash, the input size and the normalisation.
     * Cached embeddings live under it, so changing any of these never reads stale features.
     */
    public String embeddingKey() {
        String identity = sha256 + "|" + tensors.size() + "|" + mean() + "|" + std();
        return sha256(identity.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }

    /** The image resized to the backbone's input, as CHW bytes ({@link ImageTensors#toRgb}). */
    public byte[] toRgb(BufferedImage image) {
        return tensors.toRgb(image);
    }

    /** Feature vectors of decoded images, in the order given. */
    public List<float[]> embed(List<BufferedImage> images) {
        return embedRgb(images.stream().map(tensors::toRgb).toList());
    }

    /** Feature vectors of images already resized by {@link #toRgb}, in the order given; 32 per forward pass. */
    public List<float[]> embedRgb(List<byte[]> rgbChw) {
        return pool.predict(rgbChw.stream().map(this::normalize).toList());
    }

    private float[] normalize(byte[] chw) {
        int plane = chw.length / 3;
        float[] values = new float[chw.length];
        for (int i = 0; i < chw.length; i++) {
            int channel = i / plane;
            values[i] = ((chw[i] & 0xFF) / 255f - mean[channel]) / std[channel];
        }
        return values;
    }

    @Override
    public void close() {
        pool.close();
    }

    private static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new IllegalArgumentException("could not be read (" + file + "): " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static float[] floats(List<Float> values) {
        float[] result = new float[values.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = values.get(i);
        }
        return result;
    }

    private static List<Float> boxed(float[] values) {
        List<Float> result = new ArrayList<>(values.length);
        for (float v : values) {
            result.add(v);
        }
        return List.copyOf(result);
    }

    /** The translator's shape complaint when there is one (it arrives wrapped twice), else the first line of the error. */
    private static String reason(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException && t.getMessage() != null && t.getMessage().startsWith("a backbone must")) {
                return t.getMessage();
            }
        }
        return PredictorPool.firstLine(error.getMessage());
    }
}
