package dev.flywheel.backend.kind;

/** The project had versions, and none of them can be loaded now: a prediction cannot be answered, not even as untrained. */
public final class NoServableVersionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    NoServableVersionException(String message) {
        super(message);
    }
}
