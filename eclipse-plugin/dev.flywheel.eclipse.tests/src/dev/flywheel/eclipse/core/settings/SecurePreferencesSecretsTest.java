package dev.flywheel.eclipse.core.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.spec.PBEKeySpec;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.provider.IProviderHints;
import org.junit.jupiter.api.Test;

class SecurePreferencesSecretsTest {

    @Test
    void a_password_is_stored_encrypted_in_secure_storage_and_read_back_by_connection_name() throws Exception {
        Path file = Files.createTempFile("flywheel-secure", ".storage");
        Map<String, Object> options = new HashMap<>();
        options.put(IProviderHints.PROMPT_USER, Boolean.FALSE);
        options.put(IProviderHints.DEFAULT_PASSWORD, new PBEKeySpec("test-master".toCharArray()));
        ISecurePreferences root = SecurePreferencesFactory.open(file.toUri().toURL(), options);
        SecurePreferencesSecrets secrets = new SecurePreferencesSecrets(root);

        secrets.setPassword("lab/gpu", "s3cret-pw");

        assertEquals(Optional.of("s3cret-pw"), secrets.password("lab/gpu"));
        assertEquals(Optional.empty(), secrets.password("other"));
        assertFalse(Files.readString(file).contains("s3cret-pw"), "the file holds the password encrypted");
        secrets.setPassword("lab/gpu", "");
        assertEquals(Optional.empty(), secrets.password("lab/gpu"));
    }

    @Test
    void connections_round_trip_through_plain_preferences_without_any_password() throws Exception {
        var node = InstanceScope.INSTANCE.getNode("dev.flywheel.eclipse.tests.settings");
        BackendSettings settings = new BackendSettings(node);
        List<BackendConnection> connections = List.of(new BackendConnection("local", "http://127.0.0.1:9090", ""),
                new BackendConnection("lab", "https://lab.example:9090", "ann"));

        settings.setConnections(connections);
        settings.setConnections(connections.subList(1, 2));

        assertEquals(connections.subList(1, 2), settings.connections());
        assertTrue(node.node(BackendSettings.CONNECTIONS).nodeExists("0"));
        assertFalse(node.node(BackendSettings.CONNECTIONS).nodeExists("1"), "the removed connection is gone");
        node.removeNode();
    }
}
