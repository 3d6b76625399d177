package dev.flywheel.model.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One model version in the models list.
 *
 * @param version version string; immutable once written
 * @param parent the version it was trained from, or null
 * @param status where the run is
 * @param createdAt ISO-8601 UTC creation time
 * @param trainedOn labelled tasks in its training split
 * @param trainingSeconds wall time of training
 * @param metrics hold-out metrics, null until ready
 * @param message why a run failed, why a ready version was not activated (another was activated while it trained), or
 *     a note about the run; null when there is nothing to say
 */
public record ModelSummary(String version, String parent, ModelStatus status, @JsonProperty("created_at") String createdAt,
        @JsonProperty("trained_on") Long trainedOn, @JsonProperty("training_seconds") Double trainingSeconds,
        ModelMetrics metrics, String message) {

    public ModelSummary {
        Checks.required("version status", version, status);
        Checks.nonNegative("trained_on training_seconds", trainedOn, trainingSeconds);
    }

    /** A summary with nothing to say about its run. */
    public ModelSummary(String version, String parent, ModelStatus status, String createdAt, Long trainedOn, Double trainingSeconds,
            ModelMetrics metrics) {
        this(version, parent, status, createdAt, trainedOn, trainingSeconds, metrics, null);
    }
}
