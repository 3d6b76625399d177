package dev.flywheel.eclipse.core.settings;

import java.util.Optional;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;

/** Where the Flywheel backend is: the preference keys, their defaults and a typed view of one preference node. */
public final class BackendSettings {

    /** The preference node of the plugin. */
    public static final String QUALIFIER = "dev.flywheel.eclipse"; //$NON-NLS-1$

    /** The backend's base URL; unset until the user connects a backend. */
    public static final String BACKEND_URL = "backend.url"; //$NON-NLS-1$

    /** Where {@code ml-backend} listens when started without settings. */
    public static final String DEFAULT_BACKEND_URL = "http://127.0.0.1:9090"; //$NON-NLS-1$

    private final IEclipsePreferences preferences;

    /** Settings read from and written to {@code preferences}. */
    public BackendSettings(IEclipsePreferences preferences) {
        this.preferences = preferences;
    }

    /** The workspace's settings (instance scope). */
    public static BackendSettings ofWorkspace() {
        return new BackendSettings(InstanceScope.INSTANCE.getNode(QUALIFIER));
    }

    /** The URL the user configured, if any. */
    public Optional<String> configuredBackendUrl() {
        String url = preferences.get(BACKEND_URL, "").strip(); //$NON-NLS-1$
        return url.isEmpty() ? Optional.empty() : Optional.of(url);
    }

    /** The configured URL, or {@link #DEFAULT_BACKEND_URL} when none is configured. */
    public String backendUrl() {
        return configuredBackendUrl().orElse(DEFAULT_BACKEND_URL);
    }

    /** Remembers {@code url} as the backend, or forgets the backend when {@code url} is empty. */
    public void setBackendUrl(String url) {
        if (url == null || url.isBlank()) {
            preferences.remove(BACKEND_URL);
        } else {
            preferences.put(BACKEND_URL, url.strip());
        }
    }
}
