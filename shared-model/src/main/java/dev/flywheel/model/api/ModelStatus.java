package dev.flywheel.model.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a training run is; it moves {@code queued → training → ready | failed} and never back. */
public enum ModelStatus {
    /** Accepted, waiting for the training queue. */
    @JsonProperty("queued")
    QUEUED,
    /** Training now. */
    @JsonProperty("training")
    TRAINING,
    /** Trained and evaluated; may be activated. */
    @JsonProperty("ready")
    READY,
    /** The run failed; terminal. */
    @JsonProperty("failed")
    FAILED;

    /** Whether a run in this status may move to {@code next}. */
    public boolean canMoveTo(ModelStatus next) {
        return switch (this) {
            case QUEUED -> next == TRAINING || next == FAILED;
            case TRAINING -> next == READY || next == FAILED;
            case READY, FAILED -> false;
        };
    }
}
