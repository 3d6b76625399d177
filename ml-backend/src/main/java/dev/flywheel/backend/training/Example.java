package dev.flywheel.backend.training;

import java.util.Objects;

/**
 * One labeled image ready for training: its task, its resized CHW bytes and its label index.
 */
public record Example(long taskId, byte[] pixels, int label) {

    public Example {
        Objects.requireNonNull(pixels, "pixels");
        if (label < 0) {
            throw new IllegalArgumentException("label index must not be negative");
        }
    }
}
