package dev.flywheel.backend.store;

/** What saving an annotation did, so callers can decide whether a retraining check is due. */
public enum WriteOutcome {
    /** The annotation was new. */
    CREATED,
    /** The annotation existed and its content changed; it got a new change sequence. */
    UPDATED,
    /** Nothing changed: a replayed event, an older update arriving late, or an already deleted annotation. */
    UNCHANGED
}
