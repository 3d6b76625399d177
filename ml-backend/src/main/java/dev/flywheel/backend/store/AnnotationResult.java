package dev.flywheel.backend.store;

import java.util.Objects;
import java.util.Optional;

/**
 * A usable annotation with its raw Label Studio result, for training that needs more than labels (boxes).
 *
 * @param annotationId the annotation
 * @param taskId the task it labels
 * @param imageRef the task's image, when the task is stored and has one
 * @param resultJson the annotation's {@code result} array as Label Studio sent it
 */
public record AnnotationResult(long annotationId, long taskId, Optional<String> imageRef, String resultJson) {

    public AnnotationResult {
        Objects.requireNonNull(imageRef, "imageRef");
        Objects.requireNonNull(resultJson, "resultJson");
    }
}
