package dev.flywheel.model.labelstudio;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The reply to {@code GET /health}: {@code {"status":"UP","model_class":"…"}}; Label Studio needs only a 2xx JSON.
 *
 * @param status {@code "UP"} when healthy
 * @param modelClass the model implementation's name
 * @param extra properties Flywheel does not model (e.g. the engine), kept for the round trip
 */
public record HealthResponse(String status, @JsonProperty("model_class") String modelClass,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    /** The status of a healthy backend. */
    public static final String UP = "UP";

    public HealthResponse {
        extra = Copies.extra(extra);
    }
}
