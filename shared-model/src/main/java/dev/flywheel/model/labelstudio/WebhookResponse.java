package dev.flywheel.model.labelstudio;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;

/**
 * The reply to {@code /webhook}: {@code {"status":"ok","result":…}}, or {@code {"status":"Unknown event"}}.
 *
 * @param status {@code "ok"} or a short reason
 * @param result what the handler did, free-form
 * @param extra properties Flywheel does not model (e.g. a training {@code job}), kept for the round trip
 */
public record WebhookResponse(String status, Object result, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public WebhookResponse {
        extra = Copies.extra(extra);
    }
}
