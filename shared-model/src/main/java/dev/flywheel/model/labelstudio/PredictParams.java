package dev.flywheel.model.labelstudio;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * The {@code params} of {@code /predict}; Label Studio always sends all three keys, null when unused, and so
 * do these records (they are written even when null).
 *
 * @param login legacy per-project task-data login, normally null
 * @param password legacy per-project task-data password, normally null
 * @param context the interaction of a smart tool, null for batch predictions
 * @param extra properties Flywheel does not model (newer LS may add project credentials)
 */
public record PredictParams(@JsonInclude(JsonInclude.Include.ALWAYS) String login,
        @JsonInclude(JsonInclude.Include.ALWAYS) String password,
        @JsonInclude(JsonInclude.Include.ALWAYS) InteractiveContext context,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public PredictParams {
        extra = Copies.extra(extra);
    }

    /** The params of a batch prediction: no credentials, no context. */
    public static PredictParams none() {
        return new PredictParams(null, null, null, null);
    }

    @Override
    public String toString() {
        return "PredictParams[login=" + login + ", password=" + (password == null ? null : "***")
                + ", context=" + context + ", extra=" + extra.keySet() + "]";
    }
}
