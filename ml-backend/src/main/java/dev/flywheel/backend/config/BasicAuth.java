package dev.flywheel.backend.config;

import java.util.Objects;

/** Basic-auth credentials that every route requires when configured. */
public record BasicAuth(String user, Secret password) {

    public BasicAuth {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }
}
