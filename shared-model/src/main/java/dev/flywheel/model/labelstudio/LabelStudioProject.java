package dev.flywheel.model.labelstudio;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A Label Studio project as webhooks carry it; Flywheel models the few fields it reads and keeps the rest.
 *
 * @param id numeric project id
 * @param title project title
 * @param description project description
 * @param labelConfig the label config XML
 * @param modelVersion the "which predictions to show" selector (often the ML backend's title)
 * @param createdAt ISO time as sent
 * @param updatedAt ISO time as sent
 * @param extra every other project field and counter, as sent
 */
public record LabelStudioProject(Long id, String title, String description, @JsonProperty("label_config") String labelConfig,
        @JsonProperty("model_version") String modelVersion, @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public LabelStudioProject {
        if (id != null && id < 0) {
            throw new IllegalArgumentException("project id must not be negative, was " + id);
        }
        extra = Copies.extra(extra);
    }

    /** A project with an id and a label config, as the minimal webhooks send it. */
    public static LabelStudioProject of(long id, String labelConfig) {
        return new LabelStudioProject(id, null, null, labelConfig, null, null, null, null);
    }
}
