package dev.flywheel.backend.prelabeljob;

import dev.flywheel.model.labelstudio.Prediction;
import java.util.List;

/** Where a job's predictions go: all of a batch in one write, or none of it. */
interface PredictionSink {

    /**
     * Writes one prediction per task.
     *
     * @throws LabelStudioDownException when it cannot be written now but may be later (nothing was written)
     * @throws JobFailedException when the destination refuses it
     */
    void write(long project, List<TaskPrediction> predictions);

    /**
     * A task's prediction.
     *
     * @param task the task's id
     * @param prediction its regions, score and version
     */
    record TaskPrediction(long task, Prediction prediction) {

        public TaskPrediction {
            java.util.Objects.requireNonNull(prediction, "prediction");
        }
    }
}
