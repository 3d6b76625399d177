package dev.flywheel.eclipse.core.settings;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Secrets in a map, so UI tests never touch (or prompt for) the user's secure storage. */
public final class MemorySecrets implements SecretStore {

    private final Map<String, String> passwords = new ConcurrentHashMap<>();

    @Override
    public Optional<String> password(String connection) {
        return Optional.ofNullable(passwords.get(connection));
    }

    @Override
    public void setPassword(String connection, String password) {
        if (password == null || password.isEmpty()) {
            passwords.remove(connection);
        } else {
            passwords.put(connection, password);
        }
    }
}
