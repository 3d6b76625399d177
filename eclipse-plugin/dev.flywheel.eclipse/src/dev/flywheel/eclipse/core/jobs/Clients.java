package dev.flywheel.eclipse.core.jobs;

import dev.flywheel.eclipse.core.client.FlywheelClient;
import dev.flywheel.eclipse.core.settings.BackendConnection;
import dev.flywheel.eclipse.core.settings.SecretStore;
import dev.flywheel.eclipse.core.settings.SecurePreferencesSecrets;

/** Builds the client of a connection, with its password from secure storage when it has a user. */
public final class Clients {

    private Clients() {}

    /**
     * A client of {@code connection}; the user's secure storage is opened only when the connection has a user.
     *
     * @throws IllegalArgumentException if the connection's URL is not an http(s) URL
     */
    public static FlywheelClient of(BackendConnection connection) {
        return connection.hasUser() ? of(connection, SecurePreferencesSecrets.ofDefault()) : new FlywheelClient(connection.url());
    }

    /**
     * A client of {@code connection}.
     *
     * @throws IllegalArgumentException if the connection's URL is not an http(s) URL
     */
    public static FlywheelClient of(BackendConnection connection, SecretStore secrets) {
        if (!connection.hasUser()) {
            return new FlywheelClient(connection.url());
        }
        return new FlywheelClient(connection.url(), connection.user(), secrets.password(connection.name()).orElse("")); //$NON-NLS-1$
    }
}
