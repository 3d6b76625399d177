package dev.flywheel.backend.training;

import dev.flywheel.backend.analytics.ImageFeatures;
import java.util.Objects;

/**
 * One labeled image as a backbone sees it: its task, the backbone's feature vector, its label index, and the features
 * of the original image (for the version's drift reference).
 *
 * @param features the original image's features, or null when they were not measured
 */
record EmbeddedExample(long taskId, float[] embedding, int label, ImageFeatures features) {

    public EmbeddedExample {
        embedding = Objects.requireNonNull(embedding, "embedding").clone();
        if (label < 0) {
            throw new IllegalArgumentException("label index must not be negative");
        }
    }

    @Override
    public float[] embedding() {
        return embedding.clone();
    }
}
