package dev.flywheel.backend.store;

import java.util.Objects;

/**
 * How many usable annotations carry a label.
 *
 * @param label the label value
 * @param count the number of usable annotations with it
 */
public record ClassCount(String label, long count) {

    public ClassCount {
        Objects.requireNonNull(label, "label");
    }
}
