package dev.flywheel.model.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The reply of {@code GET /api/v1/projects/{project}/models/{version}} (and of activate): one version in full.
 *
 * @param version version string
 * @param parent the version it was trained from, or null
 * @param status where the run is
 * @param createdAt ISO-8601 UTC creation time
 * @param trainedOn labelled tasks in its training split
 * @param trainingSeconds wall time of training
 * @param metrics hold-out metrics, null until ready
 * @param datasetSize labelled tasks the run started with, hold-out included
 * @param labels labels in output order
 * @param perClass per-label metrics
 * @param confusion hold-out confusion matrix, or null
 * @param dataFingerprint fingerprint of the training data
 * @param hyperparameters training settings
 * @param history per-epoch training history
 * @param message why the run failed, or a note about it (e.g. Label Studio was unreachable, so it trained on the
 *     stored annotations only); null when there is nothing to say
 */
public record ModelDetail(String version, String parent, ModelStatus status, @JsonProperty("created_at") String createdAt,
        @JsonProperty("trained_on") Long trainedOn, @JsonProperty("training_seconds") Double trainingSeconds, ModelMetrics metrics,
        @JsonProperty("dataset_size") Long datasetSize, List<String> labels, @JsonProperty("per_class") List<ClassMetrics> perClass,
        Confusion confusion, @JsonProperty("data_fingerprint") String dataFingerprint, Map<String, Object> hyperparameters,
        List<EpochMetrics> history, String message) {

    public ModelDetail {
        Checks.required("version status", version, status);
        Checks.nonNegative("trained_on training_seconds dataset_size", trainedOn, trainingSeconds, datasetSize);
        labels = Checks.list(labels);
        perClass = Checks.list(perClass);
        hyperparameters = Checks.map(hyperparameters);
        history = Checks.list(history);
    }

    /** The list-view subset of this detail. */
    public ModelSummary summary() {
        return new ModelSummary(version, parent, status, createdAt, trainedOn, trainingSeconds, metrics, message);
    }
}
