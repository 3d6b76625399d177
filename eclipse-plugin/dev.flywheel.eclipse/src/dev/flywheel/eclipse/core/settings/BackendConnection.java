package dev.flywheel.eclipse.core.settings;

/**
 * One Flywheel backend the user connected: a name to show, its base URL and, when the backend wants
 * basic auth, the user; the password lives in secure storage under the name, never here.
 *
 * @param name the unique name shown in the views
 * @param url the backend's base URL
 * @param user the basic-auth user, or empty for none
 */
public record BackendConnection(String name, String url, String user) {

    /** Trims the fields and rejects a connection without a name or URL. */
    public BackendConnection {
        name = name == null ? "" : name.strip(); //$NON-NLS-1$
        url = url == null ? "" : url.strip(); //$NON-NLS-1$
        user = user == null ? "" : user.strip(); //$NON-NLS-1$
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a connection needs a name"); //$NON-NLS-1$
        }
        if (url.isEmpty()) {
            throw new IllegalArgumentException("a connection needs a URL"); //$NON-NLS-1$
        }
    }

    /** Whether requests carry basic auth. */
    public boolean hasUser() {
        return !user.isEmpty();
    }
}
