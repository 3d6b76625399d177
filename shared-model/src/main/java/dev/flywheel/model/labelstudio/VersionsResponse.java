package dev.flywheel.model.labelstudio;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.List;
import java.util.Map;

/**
 * The reply to the optional {@code GET /versions}: the model versions a backend can serve.
 *
 * @param versions version strings, required
 * @param extra properties Flywheel does not model, kept for the round trip
 */
public record VersionsResponse(List<String> versions, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public VersionsResponse {
        versions = List.copyOf(java.util.Objects.requireNonNull(versions, "versions"));
        extra = Copies.extra(extra);
    }
}
