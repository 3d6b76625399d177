package dev.flywheel.backend.store;

import java.util.List;
import java.util.Optional;

/**
 * A usable label: a non-skipped, non-deleted annotation of a live task, with what training and analytics need.
 *
 * @param annotationId the annotation
 * @param taskId the task it labels
 * @param imageRef the task's image, when the task is stored and has one
 * @param labels the derived label(s)
 * @param annotatorId who made it, when known
 * @param leadTimeSeconds how long it took, when known
 * @param groundTruth marked as ground truth in Label Studio
 */
public record LabeledAnnotation(
        long annotationId,
        long taskId,
        Optional<String> imageRef,
        List<String> labels,
        Optional<Long> annotatorId,
        Optional<Double> leadTimeSeconds,
        boolean groundTruth) {

    public LabeledAnnotation {
        Required.components("imageRef annotatorId leadTimeSeconds", imageRef, annotatorId, leadTimeSeconds);
        labels = List.copyOf(labels);
    }
}
