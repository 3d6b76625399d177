package dev.flywheel.eclipse.core.client;

import dev.flywheel.model.error.ApiError;
import java.util.Optional;

/**
 * A backend call that did not produce an answer; the message is a sentence meant for the user
 * (it names the backend and what went wrong, never a stack trace).
 */
public final class BackendException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient ApiError error;

    BackendException(String message, int status, ApiError error, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.error = error;
    }

    /** The HTTP status the backend answered, or 0 when it did not answer. */
    public int status() {
        return status;
    }

    /** Flywheel's error body, when the backend sent one. */
    public Optional<ApiError> apiError() {
        return Optional.ofNullable(error);
    }
}
