package dev.flywheel.backend.store;

import dev.flywheel.model.api.PrelabelJobState;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Pre-label jobs and the tasks each has dealt with, so a job resumes after a crash without doing a task twice. */
public interface PrelabelJobStore {

    /**
     * Records a new job, queued, at page 1 with zero counters.
     *
     * @throws UnknownEntityException when the project is not stored
     */
    PrelabelJobRecord create(String id, long projectId, String version, boolean onlyUnlabeled);

    Optional<PrelabelJobRecord> find(String id);

    /** The project's jobs, newest first. */
    List<PrelabelJobRecord> list(long projectId);

    /** Jobs queued or running, oldest first: what a restart goes on with. */
    List<PrelabelJobRecord> unfinished();

    /** Which of {@code taskIds} the job has already dealt with. */
    Set<Long> handled(String id, Collection<Long> taskIds);

    /**
     * Records tasks' outcomes and raises the counters by the tasks not recorded before, in one transaction.
     *
     * @return the job as it is now
     */
    PrelabelJobRecord record(String id, TaskOutcomes outcomes);

    /** Notes that every task of pages before {@code nextPage} was dealt with, and Label Studio's latest count. */
    PrelabelJobRecord advance(String id, int nextPage, long total);

    /** Moves the job to {@code status}, with the reason it fails or waits (empty clears it). */
    PrelabelJobRecord status(String id, PrelabelJobState status, Optional<String> error);

    /** What happened to a batch of tasks, by task id. */
    record TaskOutcomes(List<Long> done, List<Long> skipped, List<Long> failed) {

        public TaskOutcomes {
            done = List.copyOf(done);
            skipped = List.copyOf(skipped);
            failed = List.copyOf(failed);
        }

        /** Whether there is nothing to record. */
        public boolean isEmpty() {
            return done.isEmpty() && skipped.isEmpty() && failed.isEmpty();
        }
    }
}
