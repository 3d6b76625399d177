package dev.flywheel.backend.prelabel;

import java.util.List;
import java.util.Objects;

/**
 * A pre-label Flywheel handed to Label Studio, kept so later analysis can compare it with what the person submitted.
 *
 * @param project Label Studio project id
 * @param taskId the task
 * @param modelVersion the version that made it
 * @param labels the labels it proposed
 * @param score its score in [0, 1]
 * @param probabilities per-class probabilities in the version's label order
 */
public record ServedPrediction(long project, long taskId, String modelVersion, List<String> labels, double score, List<Double> probabilities) {

    public ServedPrediction {
        Objects.requireNonNull(modelVersion, "modelVersion");
        labels = List.copyOf(labels);
        probabilities = List.copyOf(probabilities);
    }
}
