package dev.flywheel.model.labelstudio;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;

/**
 * The {@code params} of the legacy {@code /train} call.
 *
 * @param login legacy per-project task-data login
 * @param password legacy per-project task-data password
 * @param extra properties Flywheel does not model, kept for the round trip
 */
public record TrainParams(String login, String password, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public TrainParams {
        extra = Copies.extra(extra);
    }

    @Override
    public String toString() {
        return "TrainParams[login=" + login + ", password=" + (password == null ? null : "***") + "]";
    }
}
