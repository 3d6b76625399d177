package dev.flywheel.model.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One served image of the drift window that lies far from the training images (Flywheel's field of the drift
 * reply), so a person can look at what changed.
 *
 * @param taskId the Label Studio task it was served for, or null when {@code /predict} sent none
 * @param image the task's image reference as Label Studio sent it, or null
 * @param servedAt ISO-8601 UTC time it was served
 * @param distance how far its embedding lies from the nearest training image, in units of the training images' own
 *     median nearest-neighbour distance (1 is typical, 3 three times farther than usual); null without embeddings
 * @param features its image features by name (brightness, contrast, width, height, aspect_ratio)
 * @param deviations per feature, how far it lies from the training median in robust standard deviations (signed)
 * @param movedMost the image feature farthest from its training median (the largest absolute deviation), or null
 */
public record MovedSample(@JsonProperty("task_id") @JsonInclude(JsonInclude.Include.NON_NULL) Long taskId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String image, @JsonProperty("served_at") String servedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double distance, Map<String, Double> features,
        Map<String, Double> deviations, @JsonProperty("moved_most") String movedMost) {

    public MovedSample {
        Checks.nonNegative("task_id distance", taskId, distance);
        Checks.finite("distance", distance);
        features = ordered(features);
        deviations = ordered(deviations);
        features.values().forEach(v -> Checks.finite("features", v));
        deviations.values().forEach(v -> Checks.finite("deviations", v));
    }

    /** An unmodifiable copy in the sender's order, so the JSON lists features as the analysis does. */
    private static Map<String, Double> ordered(Map<String, Double> values) {
        return values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
