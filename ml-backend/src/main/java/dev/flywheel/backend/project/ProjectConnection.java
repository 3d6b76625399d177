package dev.flywheel.backend.project;

import dev.flywheel.backend.config.Secret;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code /setup} told Flywheel about a project: its label config and Label Studio's own idea of where it lives
 * and which token to use (the operator's settings override both).
 */
public record ProjectConnection(long project, String labelConfig, Optional<String> hostname, Optional<Secret> accessToken) {

    public ProjectConnection {
        Objects.requireNonNull(labelConfig, "labelConfig");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(accessToken, "accessToken");
    }
}
