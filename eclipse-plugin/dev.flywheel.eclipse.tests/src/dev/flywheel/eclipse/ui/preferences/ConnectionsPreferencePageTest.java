package dev.flywheel.eclipse.ui.preferences;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flywheel.eclipse.core.settings.BackendConnection;
import dev.flywheel.eclipse.core.settings.BackendSettings;
import dev.flywheel.eclipse.core.settings.MemorySecrets;
import dev.flywheel.eclipse.ui.testing.RealBackend;
import dev.flywheel.eclipse.ui.testing.RealBackendExtension;
import dev.flywheel.eclipse.ui.testing.Workbench;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.service.prefs.Preferences;

/**
 * The preference page against the real ml-backend: Test connection asks its {@code /health}; that basic auth is sent
 * on every request is the client's job and is checked in {@code FlywheelClientTest}.
 */
@ExtendWith(RealBackendExtension.class)
class ConnectionsPreferencePageTest {

    private final BackendSettings settings = BackendSettings.ofWorkspace();
    private PreferenceDialog dialog;

    @AfterEach
    void closeDialogAndForgetConnections() {
        if (dialog != null) {
            dialog.close();
        }
        settings.setConnections(List.of());
    }

    @Test
    void test_connection_shows_the_backends_health_on_the_page_and_ok_keeps_the_password_secret_and_the_label_studio_url(
            RealBackend backend) throws Exception {
        String modelClass = backend.get("/health").path("model_class").asText();
        dialog = PreferencesUtil.createPreferenceDialogOn(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(),
                ConnectionsPreferencePage.ID, new String[] {ConnectionsPreferencePage.ID}, null);
        dialog.setBlockOnOpen(false);
        dialog.open();
        ConnectionsPreferencePage page = (ConnectionsPreferencePage) dialog.getSelectedPage();
        MemorySecrets secrets = new MemorySecrets();
        page.useSecrets(secrets);

        page.pressAdd();
        page.urlField().setText(backend.url());
        page.userField().setText("ann");
        page.passwordField().setText("pw-123");
        page.labelStudioUrlField().setText("http://localhost:8080/");
        page.pressTest();
        Workbench.waitFor("the test result", () -> page.testResult().getText().startsWith("Connected"));
        Workbench.screenshot(dialog.getShell(), "preferences-connections.png");

        assertAll(
                () -> assertEquals("Connected to " + backend.url() + ": status UP, model " + modelClass + ".", page.testResult().getText()),
                () -> assertEquals(1, page.viewer().getTable().getItemCount()));

        assertTrue(page.performOk());
        assertAll(
                () -> assertEquals(List.of(new BackendConnection("Backend 1", backend.url(), "ann", "http://localhost:8080")),
                        settings.connections()),
                () -> assertEquals(Optional.of("pw-123"), secrets.password("Backend 1")),
                () -> assertFalse(allValues(InstanceScope.INSTANCE.getNode(BackendSettings.QUALIFIER)).contains("pw-123"),
                        "no plain preference holds the password"));
    }

    private static List<String> allValues(Preferences node) throws Exception {
        List<String> values = new ArrayList<>();
        for (String key : node.keys()) {
            values.add(node.get(key, ""));
        }
        for (String child : node.childrenNames()) {
            values.addAll(allValues(node.node(child)));
        }
        return values;
    }
}
