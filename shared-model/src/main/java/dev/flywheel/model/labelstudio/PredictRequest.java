package dev.flywheel.model.labelstudio;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The body of {@code POST /predict}: a batch of tasks (or exactly one for interactive tools).
 *
 * @param tasks the tasks to predict, required; the reply needs one entry per task, same order
 * @param project project uid {@code "<id>.<created>"}; see {@link ProjectUid}
 * @param labelConfig the current label config XML; never rely on a cached one
 * @param params credentials and the interactive context
 * @param modelVersion legacy top-level version (LS ≤≈1.11); ignore
 * @param extra properties Flywheel does not model, kept for the round trip
 */
public record PredictRequest(List<Task> tasks, String project, @JsonProperty("label_config") String labelConfig,
        PredictParams params, @JsonProperty("model_version") String modelVersion,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public PredictRequest {
        tasks = List.copyOf(Objects.requireNonNull(tasks, "predict needs tasks"));
        extra = Copies.extra(extra);
    }

    /** A request shaped like Label Studio's batch call: {@code params} with login, password and context all null. */
    public static PredictRequest batch(List<Task> tasks, String project, String labelConfig) {
        return new PredictRequest(tasks, project, labelConfig, PredictParams.none(), null, null);
    }

    /** The numeric project id before the dot of {@link #project()}. */
    public long projectId() {
        return ProjectUid.idOf(project);
    }

    /** True when a smart tool asked, i.e. {@code params.context} is present. */
    public boolean interactive() {
        return params != null && params.context() != null;
    }
}
