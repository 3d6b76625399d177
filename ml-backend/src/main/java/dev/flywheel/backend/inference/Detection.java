package dev.flywheel.backend.inference;

import java.util.Objects;

/**
 * One object a detector found: its class, confidence and box in the pixels of the image it was given.
 *
 * @param label the detector's class name (mapped to a Label Studio label later, through {@code predicted_values})
 * @param score confidence in [0, 1]
 * @param box where, in pixels of the (EXIF-corrected) image
 */
public record Detection(String label, double score, PixelBox box) {

    public Detection {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(box, "box");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("a detection score must be in [0, 1], was " + score);
        }
    }

    /** The same detection under another class name. */
    public Detection withLabel(String other) {
        return new Detection(other, score, box);
    }
}
