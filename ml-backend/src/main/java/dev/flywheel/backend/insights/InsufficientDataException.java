package dev.flywheel.backend.insights;

import java.util.Map;

/** An insight that cannot be computed yet because the data it needs is not there, such as too few served images. */
public final class InsufficientDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Map<String, String> fields;

    InsufficientDataException(String message, Map<String, String> fields) {
        super(message);
        this.fields = Map.copyOf(fields);
    }

    /** Machine-readable detail, such as the sample count and the count required. */
    public Map<String, String> fields() {
        return fields;
    }
}
