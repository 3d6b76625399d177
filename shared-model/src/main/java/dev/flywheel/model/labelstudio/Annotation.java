package dev.flywheel.model.labelstudio;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A human annotation (or skip, when {@code was_cancelled}) as Label Studio sends it in webhooks and tasks.
 *
 * <p>Every field may be missing: {@code START_TRAINING} from the reference tests carries
 * {@code {"project": 1}} only, and {@code ANNOTATIONS_DELETED} carries ids only.
 *
 * @param id annotation id
 * @param result the regions the annotator drew or chose
 * @param wasCancelled true for a skipped task
 * @param groundTruth whether marked as ground truth
 * @param leadTime seconds the annotator spent
 * @param task the task id
 * @param project the project id
 * @param completedBy the annotator, as an id or a user object
 * @param createdAt ISO time as sent
 * @param updatedAt ISO time as sent
 * @param prediction the prediction the annotation started from, as sent (often empty)
 * @param resultCount count of result regions as Label Studio tracks it
 * @param parentPrediction id of the prediction the annotation was made from
 * @param parentAnnotation id of the annotation this one was copied from
 * @param lastAction the last action recorded on it
 * @param updatedBy the user who changed it last
 * @param extra properties Flywheel does not model, kept for the round trip
 */
public record Annotation(Long id, List<Region> result, @JsonProperty("was_cancelled") Boolean wasCancelled,
        @JsonProperty("ground_truth") Boolean groundTruth, @JsonProperty("lead_time") Double leadTime, Long task, Long project,
        @JsonProperty("completed_by") UserRef completedBy, @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt, Map<String, Object> prediction,
        @JsonProperty("result_count") Integer resultCount, @JsonProperty("parent_prediction") Long parentPrediction,
        @JsonProperty("parent_annotation") Long parentAnnotation, @JsonProperty("last_action") String lastAction,
        @JsonProperty("updated_by") UserRef updatedBy, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public Annotation {
        Copies.finite("lead_time", leadTime);
        if (leadTime != null && leadTime < 0) {
            throw new IllegalArgumentException("lead_time must not be negative, was " + leadTime);
        }
        result = Copies.list(result);
        prediction = Copies.map(prediction);
        extra = Copies.extra(extra);
    }

    /** True when this "annotation" is a skip. */
    public boolean skipped() {
        return Boolean.TRUE.equals(wasCancelled);
    }

    /** The regions, or an empty list when the field was absent. */
    public List<Region> resultOrEmpty() {
        return result == null ? List.of() : result;
    }
}
