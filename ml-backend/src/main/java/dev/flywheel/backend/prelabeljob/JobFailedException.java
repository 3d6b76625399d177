package dev.flywheel.backend.prelabeljob;

/** The job as a whole cannot go on (no such version, an unserved label config, a refused token); its message says why. */
final class JobFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public JobFailedException(String message) {
        super(message);
    }

    public JobFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
