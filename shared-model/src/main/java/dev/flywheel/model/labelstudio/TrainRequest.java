package dev.flywheel.model.labelstudio;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The legacy body of {@code POST /train} (LS ≤1.3, or newer LS with "train via webhook" off).
 *
 * @param annotations all labelled tasks, exported with their annotations
 * @param project project uid
 * @param labelConfig the label config XML
 * @param params legacy task-data credentials
 * @param extra properties Flywheel does not model, kept for the round trip
 */
public record TrainRequest(List<Task> annotations, String project, @JsonProperty("label_config") String labelConfig,
        TrainParams params, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public TrainRequest {
        annotations = Copies.list(annotations);
        extra = Copies.extra(extra);
    }

    /** The numeric project id before the dot of {@link #project()}. */
    public long projectId() {
        return ProjectUid.idOf(project);
    }
}
