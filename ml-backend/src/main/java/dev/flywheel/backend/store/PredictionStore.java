package dev.flywheel.backend.store;

import java.util.List;
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

    /**
     * Appends a batch's served predictions in one transaction, so a batch costs one commit (one fsync), not one per task.
     *
     * @throws UnknownEntityException when a project is not stored; then none of the batch is recorded
     */
    void recordAll(List<ServedPrediction> predictions);

    /** The task's most recently recorded prediction. */
    Optional<ServedPrediction> latest(long projectId, long taskId);

    /** The most recently recorded prediction of every predicted task, keyed by task id in ascending order. */
    Map<Long, ServedPrediction> latestPerTask(long projectId);
}
