package dev.flywheel.backend.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A Label Studio annotation as delivered by a webhook, plus the labels the caller derived from its result.
 *
 * @param projectId the project (from {@code project.id} of the webhook)
 * @param id Label Studio's annotation id; saving the same id again replaces the stored annotation
 * @param taskId the annotated task
 * @param completedBy the annotator's user id, when known
 * @param createdAt Label Studio's creation time
 * @param updatedAt Label Studio's last update time; a save older than the stored one is ignored
 * @param leadTimeSeconds how long the annotator worked on it
 * @param resultJson the {@code result} array, verbatim
 * @param labels the classification label(s) derived from the result; empty for other task types
 * @param wasCancelled the annotator skipped the task: kept for statistics, never trained on
 * @param groundTruth marked as ground truth in Label Studio
 */
public record Annotation(
        long projectId,
        long id,
        long taskId,
        Optional<Long> completedBy,
        Optional<Instant> createdAt,
        Optional<Instant> updatedAt,
        Optional<Double> leadTimeSeconds,
        String resultJson,
        List<String> labels,
        boolean wasCancelled,
        boolean groundTruth) {

    public Annotation {
        Required.components("completedBy createdAt updatedAt leadTimeSeconds resultJson",
                completedBy, createdAt, updatedAt, leadTimeSeconds, resultJson);
        labels = List.copyOf(labels);
    }
}
