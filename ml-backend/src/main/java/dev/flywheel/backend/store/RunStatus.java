package dev.flywheel.backend.store;

import java.util.Locale;

/** Where a training run is; it only moves forward: queued → training → ready or failed, queued → failed. */
public enum RunStatus {
    QUEUED,
    TRAINING,
    READY,
    FAILED;

    /** The lowercase name used in the database and on the wire. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RunStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** Whether a run in this status may move to {@code next}. */
    public boolean canMoveTo(RunStatus next) {
        return switch (this) {
            case QUEUED -> next == TRAINING || next == FAILED;
            case TRAINING -> next == READY || next == FAILED;
            case READY, FAILED -> false;
        };
    }
}
