package dev.flywheel.backend.prelabeljob;

/** Label Studio cannot be reached, or answers 5xx or 429, now: the job waits and tries again. Never holds the token. */
final class LabelStudioDownException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LabelStudioDownException(String message, Throwable cause) {
        super(message, cause);
    }
}
