package dev.flywheel.eclipse.core.settings;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;
import org.osgi.service.prefs.Preferences;

/**
 * The plugin's preference keys and defaults, and a typed view of the connected backends stored in one
 * preference node; passwords are not preferences (see {@link SecretStore}).
 */
public final class BackendSettings {

    /** The preference node of the plugin. */
    public static final String QUALIFIER = "dev.flywheel.eclipse"; //$NON-NLS-1$

    /** The child node holding one child per connection, named by its position ("0", "1", ...). */
    public static final String CONNECTIONS = "connections"; //$NON-NLS-1$

    /** A connection's name. */
    public static final String CONNECTION_NAME = "name"; //$NON-NLS-1$

    /** A connection's base URL. */
    public static final String CONNECTION_URL = "url"; //$NON-NLS-1$

    /** A connection's basic-auth user; empty for none. */
    public static final String CONNECTION_USER = "user"; //$NON-NLS-1$

    /** The base URL of the Label Studio a connection's backend serves; empty when unknown. */
    public static final String CONNECTION_LABEL_STUDIO_URL = "labelStudioUrl"; //$NON-NLS-1$

    /** Where {@code ml-backend} listens when started without settings. */
    public static final String DEFAULT_BACKEND_URL = "http://127.0.0.1:9090"; //$NON-NLS-1$

    /** How often a view asks again while a model version is queued or training. */
    public static final long POLL_MILLIS = 2_000;

    /** How often the views' change watcher asks each backend whether a project changed. */
    public static final long WATCH_MILLIS = 3_000;

    private final IEclipsePreferences preferences;

    /** Settings read from and written to {@code preferences}. */
    public BackendSettings(IEclipsePreferences preferences) {
        this.preferences = preferences;
    }

    /** The workspace's settings (instance scope). */
    public static BackendSettings ofWorkspace() {
        return new BackendSettings(InstanceScope.INSTANCE.getNode(QUALIFIER));
    }

    /** The connected backends, in the order the user gave them; empty until the user adds one. */
    public List<BackendConnection> connections() {
        Preferences node = preferences.node(CONNECTIONS);
        List<BackendConnection> connections = new ArrayList<>();
        for (int i = 0; exists(node, Integer.toString(i)); i++) {
            Preferences child = node.node(Integer.toString(i));
            try {
                connections.add(new BackendConnection(child.get(CONNECTION_NAME, null), child.get(CONNECTION_URL, null),
                        child.get(CONNECTION_USER, null), child.get(CONNECTION_LABEL_STUDIO_URL, null)));
            } catch (IllegalArgumentException e) {
                // a hand-edited entry without name or URL: skip it rather than lose the others
            }
        }
        return List.copyOf(connections);
    }

    private static boolean exists(Preferences node, String child) {
        try {
            return node.nodeExists(child);
        } catch (BackingStoreException e) {
            return false;
        }
    }

    /** Replaces the connected backends with {@code connections} and flushes them to disk. */
    public void setConnections(List<BackendConnection> connections) {
        try {
            Preferences node = preferences.node(CONNECTIONS);
            node.removeNode();
            node = preferences.node(CONNECTIONS);
            for (int i = 0; i < connections.size(); i++) {
                BackendConnection connection = connections.get(i);
                Preferences child = node.node(Integer.toString(i));
                child.put(CONNECTION_NAME, connection.name());
                child.put(CONNECTION_URL, connection.url());
                child.put(CONNECTION_USER, connection.user());
                child.put(CONNECTION_LABEL_STUDIO_URL, connection.labelStudioUrl());
            }
            preferences.flush();
        } catch (BackingStoreException e) {
            throw new IllegalStateException("Cannot store the Flywheel connections: " + e.getMessage(), e); //$NON-NLS-1$
        }
    }
}
