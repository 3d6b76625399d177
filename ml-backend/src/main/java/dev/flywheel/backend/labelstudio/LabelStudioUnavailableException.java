package dev.flywheel.backend.labelstudio;

/**
 * Label Studio's API could not give what was asked: unreachable, refusing, failing or answering nonsense.
 *
 * <p>The message is built from our own words and the request's path, never from a header, so it never holds the token.
 */
final class LabelStudioUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    LabelStudioUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
