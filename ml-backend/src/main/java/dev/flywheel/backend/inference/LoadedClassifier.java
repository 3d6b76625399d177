package dev.flywheel.backend.inference;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import dev.flywheel.backend.registry.ModelManifest;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A classifier version's network in memory with a pool of predictors: the built-in CNN, or a head on the operator's
 * backbone. Not shared by itself: the task kind's loaded version owns it and counts who is predicting.
 */
public final class LoadedClassifier implements AutoCloseable {

    /** Parameter file prefix inside a version folder. */
    public static final String PARAMS_NAME = "flywheel";
    private static final int MAX_BATCH = 32;

    private final ModelManifest manifest;
    private final Inputs inputs;
    private final PredictorPool<float[], ClassifierOutput> pool;

    private LoadedClassifier(ModelManifest manifest, Model model, int poolSize, Shape input, Inputs inputs) {
        this.manifest = manifest;
        this.inputs = inputs;
        this.pool = new PredictorPool<>(manifest.version(), model, new ClassifierTranslator(input, (float) manifest.temperature()), poolSize,
                MAX_BATCH);
    }

    /** Loads a published version's parameters into the built-in network. */
    public static LoadedClassifier load(Path versionDir, ModelManifest manifest, int poolSize) {
        return load(versionDir, manifest, poolSize, Optional.empty());
    }

    /**
     * Loads a published version: the built-in network, or a head on {@code backbone} when the version is one (it must
     * be the backbone the head was trained on, see {@link BackboneHeadNet#servingProblem}).
     */
    public static LoadedClassifier load(Path versionDir, ModelManifest manifest, int poolSize, Optional<Backbone> backbone) {
        boolean head = BackboneHeadNet.ARCHITECTURE.equals(manifest.architecture());
        if (!head && !ImageClassifierNet.ARCHITECTURE.equals(manifest.architecture())) {
            throw new IllegalArgumentException("unknown architecture " + manifest.architecture() + " in " + manifest.version());
        }
        if (head) {
            BackboneHeadNet.servingProblem(manifest, backbone).ifPresent(problem -> {
                throw new IllegalStateException(problem);
            });
        }
        Model model = Model.newInstance(manifest.version(), "PyTorch");
        try {
            if (head) {
                Backbone features = backbone.orElseThrow();
                model.setBlock(BackboneHeadNet.build(manifest.labels().size()));
                model.load(versionDir, PARAMS_NAME);
                model.setBlock(BackboneHeadNet.withEmbeddingOutput(model.getBlock()));
                return new LoadedClassifier(manifest, model, poolSize, new Shape(features.dimension()),
                        new Inputs(features::embed, features::embedRgb));
            }
            ImageTensors tensors = new ImageTensors(manifest.inputSize());
            model.setBlock(ImageClassifierNet.build(manifest.labels().size()));
            model.load(versionDir, PARAMS_NAME);
            model.setBlock(ImageClassifierNet.withEmbeddingOutput(model.getBlock()));
            return new LoadedClassifier(manifest, model, poolSize, new Shape(3, manifest.inputSize(), manifest.inputSize()),
                    new Inputs(images -> images.stream().map(tensors::toChw).toList(), rgb -> rgb.stream().map(tensors::normalize).toList()));
        } catch (IOException e) {
            model.close();
            throw new UncheckedIOException("could not read the parameters of " + manifest.version(), e);
        } catch (MalformedModelException | RuntimeException e) {
            model.close();
            throw new IllegalStateException("the parameters of " + manifest.version() + " do not fit its network", e);
        }
    }

    public ModelManifest manifest() {
        return manifest;
    }

    /** Class probabilities, one array per image in the order given. */
    public List<float[]> classify(List<BufferedImage> images) {
        return predict(images).stream().map(ClassifierOutput::probabilities).toList();
    }

    /** Probabilities and embedding per image, in the order given; batches of at most 32 per forward pass. */
    public List<ClassifierOutput> predict(List<BufferedImage> images) {
        return run(inputs.fromImages().apply(images));
    }

    /**
     * Embeddings of images already resized to CHW bytes by {@link ImageTensors#toRgb} at the version's input size, as
     * training keeps them.
     */
    public List<float[]> embed(List<byte[]> rgbChw) {
        return run(inputs.fromRgb().apply(rgbChw)).stream().map(ClassifierOutput::embedding).toList();
    }

    private List<ClassifierOutput> run(List<float[]> rows) {
        return pool.predict(rows);
    }

    @Override
    public void close() {
        pool.close();
    }

    /**
     * How images become the network's input rows: normalised pixels for the built-in network, backbone features for a
     * head.
     */
    private record Inputs(Function<List<BufferedImage>, List<float[]>> fromImages, Function<List<byte[]>, List<float[]>> fromRgb) {}
}
