package dev.flywheel.backend.inference;

import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Translator;
import dev.flywheel.backend.registry.ModelManifest;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A classifier version's network in memory with a pool of predictors: the built-in CNN answering a softmax over the
 * labels or one sigmoid per label (a tagger), or a head on the operator's backbone. Not shared by itself: the task
 * kind's loaded version owns it and counts who is predicting.
 */
public final class LoadedClassifier implements AutoCloseable {

    /** Parameter file prefix inside a version folder. */
    public static final String PARAMS_NAME = "flywheel";
    private static final int MAX_BATCH = 32;

    private final ModelManifest manifest;
    private final Inputs inputs;
    private final PredictorPool<float[], ClassifierOutput> pool;

    private LoadedClassifier(ModelManifest manifest, Model model, int poolSize, Translator<float[], ClassifierOutput> translator,
            Inputs inputs) {
        this.manifest = manifest;
        this.inputs = inputs;
        this.pool = new PredictorPool<>(manifest.version(), model, translator, poolSize, MAX_BATCH);
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
        if (!head) {
            return builtIn(versionDir, manifest, poolSize, () -> new ClassifierTranslator(manifest.inputSize(), (float) manifest.temperature()));
        }
        BackboneHeadNet.servingProblem(manifest, backbone).ifPresent(problem -> {
            throw new IllegalStateException(problem);
        });
        Backbone features = backbone.orElseThrow();
        return saved(versionDir, manifest).load(BackboneHeadNet.build(manifest.labels().size()), BackboneHeadNet::withEmbeddingOutput,
                model -> new LoadedClassifier(manifest, model, poolSize, new ClassifierTranslator(new Shape(features.dimension()),
                        (float) manifest.temperature()), new Inputs(features::embed, features::embedRgb)));
    }

    /** Loads a multi-label version: the built-in network, answering one independent probability per label. */
    public static LoadedClassifier loadTagger(Path versionDir, ModelManifest manifest, int poolSize) {
        return builtIn(versionDir, manifest, poolSize, () -> new TaggerTranslator(manifest.inputSize()));
    }

    private static LoadedClassifier builtIn(Path versionDir, ModelManifest manifest, int poolSize,
            Supplier<Translator<float[], ClassifierOutput>> translator) {
        if (!ImageClassifierNet.ARCHITECTURE.equals(manifest.architecture())) {
            throw new IllegalArgumentException("unknown architecture " + manifest.architecture() + " in " + manifest.version());
        }
        ImageTensors tensors = new ImageTensors(manifest.inputSize());
        Inputs inputs = new Inputs(images -> images.stream().map(tensors::toChw).toList(), rgb -> rgb.stream().map(tensors::normalize).toList());
        return saved(versionDir, manifest).load(ImageClassifierNet.build(manifest.labels().size()), ImageClassifierNet::withEmbeddingOutput,
                model -> new LoadedClassifier(manifest, model, poolSize, translator.get(), inputs));
    }

    private static SavedNetwork saved(Path versionDir, ModelManifest manifest) {
        return new SavedNetwork(versionDir, manifest.version(), PARAMS_NAME, "its network");
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
