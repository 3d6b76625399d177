package dev.flywheel.backend.store;

import java.util.List;
import java.util.Optional;

/** Training runs, the model versions they produce, and each project's active version. */
public interface TrainingRunStore {

    /**
     * Records a new run in status queued.
     *
     * @throws UnknownEntityException when the project or the parent version is not stored
     * @throws RunStateException when the version already exists
     */
    TrainingRun queue(long projectId, String version, Optional<String> parentVersion);

    /** Moves a queued run to training, noting the annotation change sequence its data set is read at. */
    TrainingRun start(long projectId, String version, long throughSequence);

    /** Moves a training run to ready with what it produced. */
    TrainingRun finish(long projectId, String version, RunResult result);

    /**
     * Records a run ready and, when the project's active version is still {@code expectedActive}, makes it the active
     * version, in one transaction: a crash between the two must not leave a version ready that never served, and a run
     * that finishes after someone activated another version (a rollback) must not undo that choice. A run that does not
     * become active keeps {@code notActivated} as its message, so the model list says why.
     *
     * @return whether the version became active
     */
    boolean finishAndActivateIf(long projectId, String version, RunResult result, Optional<String> expectedActive, String notActivated);

    /** Moves a queued or training run to failed. */
    TrainingRun fail(long projectId, String version, String errorMessage);

    Optional<TrainingRun> find(long projectId, String version);

    /** The project's runs, newest first. */
    List<TrainingRun> list(long projectId);

    /**
     * Makes a ready version the one that serves the project, in one transaction.
     *
     * @throws RunStateException when the version is unknown or not ready
     */
    void activate(long projectId, String version);

    Optional<String> activeVersion(long projectId);

    /**
     * Marks a ready version failed because it cannot be served (its files are damaged or missing), in one transaction
     * with making {@code servingInstead} the active version when {@code version} was active (none: no active version).
     */
    TrainingRun markUnservable(long projectId, String version, String reason, Optional<String> servingInstead);

    /**
     * Attaches a note to a run without changing its status, e.g. that Label Studio could not be reached before it
     * started; kept where a failure's reason is, and replaced by it if the run fails.
     */
    TrainingRun note(long projectId, String version, String note);

    /**
     * Marks every queued or training run failed with the reason; called at start-up after a crash. Answers those runs
     * as they were before, so the caller can clear what they left behind.
     */
    List<TrainingRun> failInterrupted(String reason);
}
