package dev.flywheel.backend.labelconfig;

/** A label config that is not well-formed XML or not a Label Studio config. */
public final class LabelConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    LabelConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    LabelConfigException(String message) {
        super(message);
    }
}
