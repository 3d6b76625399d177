package dev.flywheel.eclipse.core.client;

/**
 * A backend call that did not produce an answer; the message is a sentence meant for the user
 * (it names the backend and what went wrong, never a stack trace).
 */
public final class BackendException extends Exception {

    private static final long serialVersionUID = 1L;

    BackendException(String message, Throwable cause) {
        super(message, cause);
    }

    BackendException(String message) {
        super(message);
    }
}
