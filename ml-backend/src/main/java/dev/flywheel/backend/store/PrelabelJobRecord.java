package dev.flywheel.backend.store;

import dev.flywheel.model.api.PrelabelJobState;
import java.time.Instant;
import java.util.Optional;

/**
 * A stored pre-label job: what it was asked, where it is, and its counters.
 *
 * @param id the job's id
 * @param projectId Label Studio's project id
 * @param version the version it predicts with, fixed when it was created
 * @param onlyUnlabeled whether labelled tasks are skipped
 * @param status where it is
 * @param nextPage the next page (1-based) of Label Studio's task list to read
 * @param total the project's tasks as Label Studio last counted them
 * @param done tasks predicted and written
 * @param skipped tasks left alone
 * @param failed tasks whose image failed
 * @param error why it failed or waits, when it does
 * @param createdAt when it was accepted
 * @param updatedAt when it last changed
 */
public record PrelabelJobRecord(String id, long projectId, String version, boolean onlyUnlabeled, PrelabelJobState status, int nextPage,
        long total, long done, long skipped, long failed, Optional<String> error, Instant createdAt, Instant updatedAt) {

    public PrelabelJobRecord {
        Required.components("id version status error createdAt updatedAt", id, version, status, error, createdAt, updatedAt);
        if (nextPage < 1) {
            throw new IllegalArgumentException("pages are 1-based, was " + nextPage);
        }
    }

    /** The tasks this job has dealt with, whatever the outcome. */
    public long handled() {
        return done + skipped + failed;
    }
}
