package dev.flywheel.model.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The reply of {@code GET /api/v1/projects/{project}/learning-curve}: quality against training size.
 *
 * @param points one point per version
 * @param projectedGainPer100Labels expected accuracy gain from 100 more labels, or null
 */
public record LearningCurve(List<LearningCurvePoint> points,
        @JsonProperty("projected_gain_per_100_labels") Double projectedGainPer100Labels) {

    public LearningCurve {
        points = Checks.list(points);
        Checks.finite("projected_gain_per_100_labels", projectedGainPer100Labels);
    }
}
