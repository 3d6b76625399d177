package dev.flywheel.backend.training;

import dev.flywheel.backend.analytics.ImageFeatures;
import dev.flywheel.backend.inference.LoadedClassifier;
import dev.flywheel.backend.registry.DriftReference;
import dev.flywheel.backend.registry.DriftReferences;
import dev.flywheel.backend.registry.ModelManifest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Records a freshly trained version's drift reference: a seeded sample of its data set's images, embedded by the
 * trained parameters through the same inference path {@code /predict} uses, with their original features.
 */
final class ReferenceRecorder {

    /** Enough for the two-sample tests to see a shift; the drift request subsamples further for speed. */
    static final int MAX_IMAGES = 500;

    private final DriftReferences references;
    private final long seed;

    ReferenceRecorder(DriftReferences references, long seed) {
        this.references = Objects.requireNonNull(references, "references");
        this.seed = seed;
    }

    /** Embeds the sample with the parameters in {@code staging} and writes the reference beside them. */
    void record(Path staging, ModelManifest manifest, List<Example> examples) {
        List<Example> sample = sample(examples, MAX_IMAGES, seed);
        List<float[]> embeddings;
        try (LoadedClassifier classifier = LoadedClassifier.load(staging, manifest, 1)) {
            embeddings = classifier.embed(sample.stream().map(Example::pixels).toList());
        }
        List<ImageFeatures> features = sample.stream().map(Example::features).filter(Objects::nonNull).toList();
        references.write(staging, new DriftReference(manifest.version(), embeddings, features));
    }

    /**
     * Writes the reference of a head version from the backbone features it trained on: the very vectors
     * {@code /predict} records for served images, so no second pass through the backbone is needed.
     */
    void recordEmbedded(Path staging, ModelManifest manifest, List<EmbeddedExample> examples) {
        List<EmbeddedExample> sample = sample(examples, MAX_IMAGES, seed);
        List<ImageFeatures> features = sample.stream().map(EmbeddedExample::features).filter(Objects::nonNull).toList();
        references.write(staging, new DriftReference(manifest.version(), sample.stream().map(EmbeddedExample::embedding).toList(), features));
    }

    /** At most {@code limit} examples, drawn without replacement by a seeded shuffle so a run can be repeated. */
    static <T> List<T> sample(List<T> examples, int limit, long seed) {
        if (examples.size() <= limit) {
            return examples;
        }
        List<T> shuffled = new ArrayList<>(examples);
        Collections.shuffle(shuffled, new Random(seed));
        return List.copyOf(shuffled.subList(0, limit));
    }
}
