package dev.flywheel.backend.training;

import dev.flywheel.backend.analytics.ImageFeatures;
import java.util.Objects;

/**
 * One labeled image ready for training: its task, its resized CHW bytes, its label index, and the features of the
 * original image (measured before resizing, for the version's drift reference).
 *
 * @param features the original image's features, or null when they were not measured
 */
public record Example(long taskId, byte[] pixels, int label, ImageFeatures features) {

    public Example {
        Objects.requireNonNull(pixels, "pixels");
        if (label < 0) {
            throw new IllegalArgumentException("label index must not be negative");
        }
    }

    /** An example whose original image was not measured. */
    public Example(long taskId, byte[] pixels, int label) {
        this(taskId, pixels, label, null);
    }
}
