package dev.flywheel.model.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a pre-label job is: {@code queued → running → done | failed | cancelled}; a running job may pause and go on. */
public enum PrelabelJobState {
    /** Accepted, waiting for the job worker. */
    @JsonProperty("queued")
    QUEUED,
    /** Reading, predicting and writing; also while it waits for an unreachable Label Studio (see the job's error). */
    @JsonProperty("running")
    RUNNING,
    /** Every task of the project was predicted, skipped or failed. */
    @JsonProperty("done")
    DONE,
    /** The job as a whole could not go on (no model, Label Studio refusing the token, an unserved label config). */
    @JsonProperty("failed")
    FAILED,
    /** Cancelled on request; what it wrote stays in Label Studio. */
    @JsonProperty("cancelled")
    CANCELLED;

    /** Whether the job has ended and will not run again. */
    public boolean finished() {
        return this == DONE || this == FAILED || this == CANCELLED;
    }
}
