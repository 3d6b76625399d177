package dev.flywheel.backend.inference;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Loads the detector the operator supplies ({@code FLYWHEEL_DETECTOR}): a TorchScript ({@code .pt}, {@code .torchscript}) or
 * ONNX ({@code .onnx}) file with YOLO-style output (see {@link YoloOutput}), and its class names, one per line.
 *
 * <p>Its version, {@code detector-<first 8 hex of SHA-256 over model and names>}, changes exactly when either file
 * does, so Label Studio asks again for predictions after a swap. Images are predicted one at a time, so models
 * exported for batch size 1 work.
 */
public final class UserDetector {

    /** Candidates below this are dropped before mapping; the serving threshold is applied later, per label config. */
    private static final double MIN_CANDIDATE_SCORE = 0.001;

    private UserDetector() {}

    /**
     * Loads a detector file with the engine its extension names.
     *
     * @param modelFile {@code .pt}/{@code .torchscript} (PyTorch) or {@code .onnx} (ONNX Runtime)
     * @param namesFile class names, one per line, in output order; blank lines and {@code #} comments ignored
     * @param inputSize the square input edge the model expects, e.g. 640
     * @param poolSize predictors, one per concurrent caller
     */
    public static Detector load(Path modelFile, Path namesFile, int inputSize, int poolSize) {
        List<String> classes = readNames(namesFile);
        String version = "detector-" + hash8(modelFile, namesFile);
        Model model = Model.newInstance(version, engineFor(modelFile));
        try {
            model.load(modelFile);
            // One image per call: models exported for batch size 1 work.
            return new Detector(version, classes, new PredictorPool<>(version, model, new YoloTranslator(inputSize, classes, MIN_CANDIDATE_SCORE),
                    poolSize, 1));
        } catch (IOException e) {
            model.close();
            throw new UncheckedIOException("could not read the detector " + modelFile, e);
        } catch (MalformedModelException | RuntimeException e) {
            model.close();
            throw new IllegalStateException("the detector " + modelFile + " could not be loaded: " + e.getMessage(), e);
        }
    }

    /** The DJL engine for a model file, by extension. */
    static String engineFor(Path modelFile) {
        String name = modelFile.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".onnx")) {
            return "OnnxRuntime";
        }
        if (name.endsWith(".pt") || name.endsWith(".torchscript") || name.endsWith(".pth")) {
            return "PyTorch";
        }
        throw new IllegalArgumentException("a detector must be TorchScript (.pt, .torchscript) or ONNX (.onnx), got " + modelFile);
    }

    static List<String> readNames(Path namesFile) {
        try {
            List<String> names = Files.readAllLines(namesFile, StandardCharsets.UTF_8).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
            if (names.isEmpty()) {
                throw new IllegalArgumentException("the class names file " + namesFile + " lists no class");
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the class names " + namesFile, e);
        }
    }

    private static String hash8(Path... files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                        digest.update(buffer, 0, read);
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the detector files", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
