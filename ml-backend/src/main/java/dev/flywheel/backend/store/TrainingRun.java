package dev.flywheel.backend.store;

import dev.flywheel.model.api.ModelStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * A training run and the model version it produces; the two share one version string.
 *
 * @param projectId the project
 * @param version the model version string, unique in the project
 * @param parentVersion the version it was fine-tuned from, if any
 * @param status where the run is
 * @param createdAt when it was queued
 * @param startedAt when training began
 * @param finishedAt when it became ready or failed
 * @param trainedThroughSequence the annotation change sequence its data set was read at
 * @param result what it produced, once ready
 * @param errorMessage why it failed, once failed; before that, a note such as Label Studio being unreachable
 */
public record TrainingRun(
        long projectId,
        String version,
        Optional<String> parentVersion,
        ModelStatus status,
        Instant createdAt,
        Optional<Instant> startedAt,
        Optional<Instant> finishedAt,
        Optional<Long> trainedThroughSequence,
        Optional<RunResult> result,
        Optional<String> errorMessage) {

    public TrainingRun {
        Required.components("version parentVersion status createdAt startedAt finishedAt trainedThroughSequence result errorMessage",
                version, parentVersion, status, createdAt, startedAt, finishedAt, trainedThroughSequence, result, errorMessage);
    }
}
