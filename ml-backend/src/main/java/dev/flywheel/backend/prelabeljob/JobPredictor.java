package dev.flywheel.backend.prelabeljob;

import dev.flywheel.model.labelstudio.Prediction;
import dev.flywheel.model.labelstudio.Task;
import java.util.List;
import java.util.Optional;

/** Predicts a job's tasks with one version, a bounded batch at a time; holds that version until closed. */
interface JobPredictor extends AutoCloseable {

    /** The largest batch {@link #predict} takes, so a job holds at most this many decoded images. */
    int BATCH = 32;

    /** The version every prediction carries. */
    String version();

    /** One outcome per task, in order: a prediction, or empty when the task's image could not be had or read. */
    List<Optional<Prediction>> predict(List<Task> tasks);

    /** Gives the version back. */
    @Override
    void close();
}
