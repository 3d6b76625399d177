package dev.flywheel.backend.inference;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import dev.flywheel.backend.registry.ModelManifest;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A multi-label classifier version's network (the built-in CNN trained with one sigmoid per label) in memory with a
 * pool of predictors. The task kind's loaded version owns it and counts who is predicting.
 */
public final class LoadedTagger implements AutoCloseable {

    private static final int MAX_BATCH = 32;

    private final ModelManifest manifest;
    private final ImageTensors tensors;
    private final PredictorPool<float[], ClassifierOutput> pool;

    private LoadedTagger(ModelManifest manifest, Model model, int poolSize) {
        this.manifest = manifest;
        this.tensors = new ImageTensors(manifest.inputSize());
        this.pool = new PredictorPool<>(manifest.version(), model, new TaggerTranslator(manifest.inputSize()), poolSize, MAX_BATCH);
    }

    /** Loads a published version's parameters into the built-in network. */
    public static LoadedTagger load(Path versionDir, ModelManifest manifest, int poolSize) {
        if (!ImageClassifierNet.ARCHITECTURE.equals(manifest.architecture())) {
            throw new IllegalArgumentException("unknown architecture " + manifest.architecture() + " in " + manifest.version());
        }
        Model model = Model.newInstance(manifest.version(), "PyTorch");
        try {
            model.setBlock(ImageClassifierNet.build(manifest.labels().size()));
            model.load(versionDir, LoadedClassifier.PARAMS_NAME);
            model.setBlock(ImageClassifierNet.withEmbeddingOutput(model.getBlock()));
            return new LoadedTagger(manifest, model, poolSize);
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

    /** Per image in the order given, one probability per label and the embedding. */
    public List<ClassifierOutput> predict(List<BufferedImage> images) {
        return pool.predict(images.stream().map(tensors::toChw).toList());
    }

    @Override
    public void close() {
        pool.close();
    }
}
