package dev.flywheel.model.labelstudio;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The reply to {@code /setup}; Label Studio reads only {@code model_version}, which must be a JSON string.
 *
 * @param modelVersion the version predictions will carry
 * @param status {@code "ok"} in Label Studio's own mocks; optional
 * @param extra properties Flywheel does not model, kept for the round trip
 */
public record SetupResponse(@JsonProperty("model_version") String modelVersion, String status,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public SetupResponse {
        extra = Copies.extra(extra);
    }

    /** The reply a backend sends. */
    public static SetupResponse of(String modelVersion) {
        return new SetupResponse(modelVersion, null, null);
    }
}
