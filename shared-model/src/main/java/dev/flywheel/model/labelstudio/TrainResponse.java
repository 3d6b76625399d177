package dev.flywheel.model.labelstudio;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;

/**
 * The legacy reply to {@code /train} (and optionally to {@code START_TRAINING}): the id of the queued job.
 *
 * @param job the training job id, as a string
 * @param extra properties Flywheel does not model, kept for the round trip
 */
public record TrainResponse(String job, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public TrainResponse {
        extra = Copies.extra(extra);
    }
}
