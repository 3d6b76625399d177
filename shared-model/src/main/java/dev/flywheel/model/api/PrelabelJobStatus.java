package dev.flywheel.model.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A pre-label job's progress, as {@code GET /api/v1/projects/{project}/prelabel-jobs/{job}} answers it.
 *
 * @param job the job's id
 * @param version the version it predicts with
 * @param status where it is
 * @param total the project's tasks, as Label Studio counts them; 0 until the first page was read
 * @param done tasks that got a prediction from this job
 * @param skipped tasks left alone: already predicted by the version, or labelled
 * @param failed tasks whose image could not be had or read
 * @param imagesPerSecond predictions per second since the job (re)started
 * @param etaSeconds seconds left at that rate; null before a rate is known and once finished
 * @param error why it failed, or why it is waiting (Label Studio unreachable); null otherwise
 */
public record PrelabelJobStatus(String job, String version, PrelabelJobState status, long total, long done, long skipped, long failed,
        @JsonProperty("images_per_s") double imagesPerSecond, @JsonProperty("eta_s") Double etaSeconds, String error) {

    public PrelabelJobStatus {
        Checks.required("job version status", job, version, status);
        Checks.nonNegative("total done skipped failed images_per_s eta_s", total, done, skipped, failed, imagesPerSecond, etaSeconds);
        Checks.finite("images_per_s eta_s", imagesPerSecond, etaSeconds);
    }
}
