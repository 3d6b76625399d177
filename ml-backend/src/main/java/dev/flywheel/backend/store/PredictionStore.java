package dev.flywheel.backend.store;

import java.util.Map;
import java.util.Optional;

/** The log of predictions served to Label Studio. */
public interface PredictionStore {

    /**
     * Appends a served prediction.
     *
     * @throws UnknownEntityException when the project is not stored
     */
    void record(ServedPrediction prediction);

    /** The task's most recently recorded prediction. */
    Optional<ServedPrediction> latest(long projectId, long taskId);

    /** The most recently recorded prediction of every predicted task, keyed by task id in ascending order. */
    Map<Long, ServedPrediction> latestPerTask(long projectId);
}
