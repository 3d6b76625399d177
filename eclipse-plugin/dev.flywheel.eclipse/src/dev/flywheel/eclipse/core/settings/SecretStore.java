package dev.flywheel.eclipse.core.settings;

import java.util.Optional;

/** Where connection passwords are kept: Eclipse secure storage in the IDE, a map in tests. */
public interface SecretStore {

    /** The password stored for the connection named {@code connection}. */
    Optional<String> password(String connection);

    /** Stores {@code password} for {@code connection}, or forgets it when empty. */
    void setPassword(String connection, String password);
}
