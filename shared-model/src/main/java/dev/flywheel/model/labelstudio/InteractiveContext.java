package dev.flywheel.model.labelstudio;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * What the browser sends when a smart tool finishes a region: the just-drawn regions, plus ids some versions add.
 *
 * @param result the drawn regions (keypoints carry {@code is_positive}, all carry {@code origin: "manual"})
 * @param annotationId the annotation being edited, when sent
 * @param draftId the draft being edited, when sent
 * @param userId the user, when sent
 * @param extra properties Flywheel does not model, kept for the round trip
 */
public record InteractiveContext(List<Region> result, @JsonProperty("annotation_id") Long annotationId,
        @JsonProperty("draft_id") Long draftId, @JsonProperty("user_id") Long userId,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public InteractiveContext {
        result = Copies.list(result);
        extra = Copies.extra(extra);
    }
}
