package dev.flywheel.backend.config;

import java.util.Objects;
import java.util.Optional;

/**
 * Where the PostgreSQL store is and how to log in: a {@code jdbc:postgresql://} URL, a user and a password of their own
 * (never in the URL, so the URL can be printed) and the size of the connection pool.
 *
 * @param url {@code jdbc:postgresql://host:port/database}
 * @param user the role to log in as; the driver's default when empty
 * @param password the role's password; a {@link Secret}, so it prints masked
 * @param poolSize connections this process keeps open, besides the one that holds the trainer lease
 */
public record DatabaseConfig(String url, Optional<String> user, Optional<Secret> password, int poolSize) {

    /** The pool size when {@code FLYWHEEL_DATABASE_POOL_SIZE} is unset. */
    public static final int DEFAULT_POOL_SIZE = 8;

    public DatabaseConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new ConfigException("FLYWHEEL_DATABASE_URL", "must start with jdbc:postgresql:// (unset it for the embedded SQLite"
                    + " file in FLYWHEEL_HOME)");
        }
        if (url.contains("password=")) {
            throw new ConfigException("FLYWHEEL_DATABASE_URL", "must not carry the password: set FLYWHEEL_DATABASE_PASSWORD, which is"
                    + " never printed");
        }
        if (poolSize < 1 || poolSize > 200) {
            throw new ConfigException("FLYWHEEL_DATABASE_POOL_SIZE", "must be between 1 and 200, was " + poolSize);
        }
    }

    /** Reads {@code FLYWHEEL_DATABASE_URL} and its companions; empty when the URL is unset (SQLite). */
    static Optional<DatabaseConfig> fromEnvironment(EnvReader read) {
        Optional<String> url = read.text("FLYWHEEL_DATABASE_URL");
        if (url.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DatabaseConfig(url.get().strip(), read.text("FLYWHEEL_DATABASE_USER"),
                read.text("FLYWHEEL_DATABASE_PASSWORD").map(Secret::new),
                read.integer("FLYWHEEL_DATABASE_POOL_SIZE").orElse(DEFAULT_POOL_SIZE)));
    }

    /** How the settings print: the URL and user as they are, the password masked. */
    String describe() {
        return url + " user=" + user.orElse("(driver default)") + " password=" + password.map(Secret::toString).orElse("(unset)")
                + " pool=" + poolSize;
    }
}
