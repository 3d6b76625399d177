package dev.flywheel.model.labelstudio;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * An unsaved draft annotation, sent inside interactive-predict tasks.
 *
 * @param id draft id
 * @param result the regions drawn so far
 * @param user the user, as an id or object
 * @param createdAgo Label Studio's human-readable age
 * @param createdAt ISO time as sent
 * @param updatedAt ISO time as sent
 * @param leadTime seconds spent
 * @param extra properties Flywheel does not model, kept for the round trip
 */
public record Draft(Long id, List<Region> result, UserRef user, @JsonProperty("created_ago") String createdAgo,
        @JsonProperty("created_at") String createdAt, @JsonProperty("updated_at") String updatedAt,
        @JsonProperty("lead_time") Double leadTime, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public Draft {
        result = Copies.list(result);
        Copies.finite("lead_time", leadTime);
        extra = Copies.extra(extra);
    }
}
