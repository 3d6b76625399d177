package dev.flywheel.backend.config;

import java.util.Objects;

/**
 * A credential (Label Studio token, basic-auth password) that never prints itself.
 *
 * <p>{@link #toString()} is masked so a secret that slips into a log line or an error body shows
 * as {@code ****}; code that needs the value calls {@link #reveal()} at the one place it is sent.
 */
public record Secret(String value) {

    public Secret {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a secret must not be blank");
        }
    }

    /** The clear value, for the single place that puts it on the wire. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "****";
    }
}
