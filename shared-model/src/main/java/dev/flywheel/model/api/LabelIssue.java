package dev.flywheel.model.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A label that is probably wrong: the given label, the label the model suggests and how sure it is.
 *
 * @param taskId task id
 * @param annotationId annotation id, or null
 * @param givenLabel the label an annotator gave
 * @param suggestedLabel the label the model suggests
 * @param selfConfidence the model's probability for the given label
 * @param score ranking score; higher means more likely wrong
 */
public record LabelIssue(
        @JsonProperty("task_id") long taskId,
        @JsonProperty("annotation_id") Long annotationId,
        @JsonProperty("given_label") String givenLabel,
        @JsonProperty("suggested_label") String suggestedLabel,
        @JsonProperty("self_confidence") double selfConfidence,
        double score) {

    public LabelIssue {
        Checks.nonNegative("task_id", taskId);
        Checks.required("given_label", givenLabel);
        Checks.ratio("self_confidence", selfConfidence);
        Checks.finite("score", score);
    }
}
