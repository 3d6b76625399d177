package dev.flywheel.backend.store;

import java.util.Objects;

/**
 * An annotation as it is in the database.
 *
 * @param annotation the last accepted content
 * @param deleted whether Label Studio deleted it
 * @param changeSequence the store-wide sequence number of its last change; grows with every change
 */
public record StoredAnnotation(Annotation annotation, boolean deleted, long changeSequence) {

    public StoredAnnotation {
        Objects.requireNonNull(annotation, "annotation");
    }
}
