package dev.flywheel.backend.store;

import java.util.Objects;

/**
 * What a successful training run produced.
 *
 * @param trainedOn labeled tasks in the training split
 * @param datasetSize labeled tasks the run started with, hold-out included
 * @param metricsJson evaluation metrics as a JSON object
 * @param manifestPath where the registry wrote the version's manifest
 */
public record RunResult(int trainedOn, int datasetSize, String metricsJson, String manifestPath) {

    public RunResult {
        if (trainedOn < 0 || datasetSize < trainedOn) {
            throw new IllegalArgumentException("need 0 <= trainedOn <= datasetSize, got " + trainedOn + ", " + datasetSize);
        }
        Objects.requireNonNull(metricsJson, "metricsJson");
        Objects.requireNonNull(manifestPath, "manifestPath");
    }
}
