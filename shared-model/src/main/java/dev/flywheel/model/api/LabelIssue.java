package dev.flywheel.model.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A label that is probably wrong: the given label, the label the model suggests and how sure it is.
 *
 * <p>In a detection project an issue concerns one box: {@code kind} says what is probably wrong with it and
 * {@code box} where it is. In a multi-label project it concerns one tag of a task: {@link #MISSING} (the tag
 * {@code suggested_label} is probably missing) or {@link #SPURIOUS} (the tag {@code given_label} is probably wrong),
 * without a box. Classification issues leave both out of the JSON.
 *
 * @param taskId task id
 * @param annotationId annotation id, or null
 * @param givenLabel the label an annotator gave; null only for a box or tag that is {@link #MISSING} (nobody gave it)
 * @param suggestedLabel the label the model suggests; null for a box or tag that is {@link #SPURIOUS}
 * @param selfConfidence the model's probability for the given label (for a missing box or tag: that it is absent)
 * @param score ranking score; higher means more likely wrong
 * @param kind for a box: {@link #MISSING}, {@link #SPURIOUS} or {@link #SWAPPED}; for a tag {@link #MISSING} or
 *     {@link #SPURIOUS}; null for a classification label
 * @param box the box in question, in percent of the image; null for a classification label or a tag
 * @param annotatorId the Label Studio user who gave the label, when known (Flywheel's field, left out when null)
 * @param annotator the e-mail or name Label Studio sent for that user, when it sent one (Flywheel's field)
 */
public record LabelIssue(@JsonProperty("task_id") long taskId, @JsonProperty("annotation_id") Long annotationId,
        @JsonProperty("given_label") String givenLabel, @JsonProperty("suggested_label") String suggestedLabel,
        @JsonProperty("self_confidence") double selfConfidence, double score,
        @JsonInclude(JsonInclude.Include.NON_NULL) String kind, @JsonInclude(JsonInclude.Include.NON_NULL) IssueBox box,
        @JsonProperty("annotator_id") @JsonInclude(JsonInclude.Include.NON_NULL) Long annotatorId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String annotator) {

    /** A confident prediction where no box was drawn: possibly a missing box. */
    public static final String MISSING = "missing";
    /** A drawn box no prediction supports: possibly a box around nothing. */
    public static final String SPURIOUS = "spurious";
    /** A drawn box the model finds with confidence under another label: possibly the wrong label. */
    public static final String SWAPPED = "swapped";

    public LabelIssue {
        Checks.nonNegative("task_id annotator_id", taskId, annotatorId);
        annotator = annotator == null || annotator.isBlank() ? null : annotator.strip();
        if (!MISSING.equals(kind)) {
            Checks.required("given_label", givenLabel);
        }
        Checks.ratio("self_confidence", selfConfidence);
        Checks.finite("score", score);
        if (kind != null && !(MISSING.equals(kind) || SPURIOUS.equals(kind) || SWAPPED.equals(kind))) {
            throw new IllegalArgumentException("kind must be missing, spurious or swapped, was " + kind);
        }
        if (box != null && kind == null) {
            throw new IllegalArgumentException("a box issue needs both kind and box, a label issue neither");
        }
        if (box == null && SWAPPED.equals(kind)) {
            throw new IllegalArgumentException("a tag is missing or spurious, only a box is swapped");
        }
    }

    /** A multi-label project's tag that is probably {@link #MISSING} or {@link #SPURIOUS} on a task. */
    public static LabelIssue tag(long taskId, Long annotationId, String tag, String kind, double selfConfidence, double score) {
        return MISSING.equals(kind)
                ? new LabelIssue(taskId, annotationId, null, tag, selfConfidence, score, kind, null)
                : new LabelIssue(taskId, annotationId, tag, null, selfConfidence, score, kind, null);
    }

    /** An issue without its annotator. */
    public LabelIssue(long taskId, Long annotationId, String givenLabel, String suggestedLabel, double selfConfidence, double score,
            String kind, IssueBox box) {
        this(taskId, annotationId, givenLabel, suggestedLabel, selfConfidence, score, kind, box, null, null);
    }

    /** This issue with the user who gave its label and the name Label Studio sent for them (null when none). */
    public LabelIssue withAnnotator(long userId, String name) {
        return new LabelIssue(taskId, annotationId, givenLabel, suggestedLabel, selfConfidence, score, kind, box, userId, name);
    }

    /** A classification label issue. */
    public LabelIssue(long taskId, Long annotationId, String givenLabel, String suggestedLabel, double selfConfidence, double score) {
        this(taskId, annotationId, givenLabel, suggestedLabel, selfConfidence, score, null, null);
    }
}
