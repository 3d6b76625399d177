package dev.flywheel.backend.insights;

/** Two versions that cannot be compared fairly, such as ones with different labels or no shared hold-out task. */
public final class IncomparableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IncomparableException(String message) {
        super(message);
    }
}
