package dev.flywheel.model.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The prediction shown for a task in the tasks page.
 *
 * @param labels predicted labels
 * @param score confidence in [0, 1]
 * @param modelVersion the version that predicted it
 */
public record TaskPrediction(List<String> labels, Double score, @JsonProperty("model_version") String modelVersion) {

    public TaskPrediction {
        labels = Checks.list(labels);
        Checks.ratio("score", score);
    }
}
