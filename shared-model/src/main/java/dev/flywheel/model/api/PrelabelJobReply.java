package dev.flywheel.model.api;

/**
 * The {@code 202} reply of {@code POST /api/v1/projects/{project}/prelabel-jobs}: the accepted job.
 *
 * @param job the job's id, for {@code GET} and {@code DELETE .../prelabel-jobs/{job}}
 * @param status {@code queued} when accepted
 */
public record PrelabelJobReply(String job, PrelabelJobState status) {

    public PrelabelJobReply {
        Checks.required("job status", job, status);
    }
}
