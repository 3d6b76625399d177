package dev.flywheel.backend.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A prediction Flywheel returned to Label Studio, kept to measure pre-labelling, uncertainty and drift later.
 *
 * @param projectId the project
 * @param taskId the task predicted
 * @param modelVersion the model version that made it
 * @param labels the predicted label(s), most likely first
 * @param resultJson the {@code result} array sent to Label Studio
 * @param score the prediction's overall score, when it has one
 * @param probabilitiesJson per-class probabilities as a JSON object, when the model produces them
 * @param servedAt when it was served
 */
public record ServedPrediction(
        long projectId,
        long taskId,
        String modelVersion,
        List<String> labels,
        String resultJson,
        Optional<Double> score,
        Optional<String> probabilitiesJson,
        Instant servedAt) {

    public ServedPrediction {
        Required.components("modelVersion resultJson score probabilitiesJson servedAt",
                modelVersion, resultJson, score, probabilitiesJson, servedAt);
        labels = List.copyOf(labels);
    }
}
