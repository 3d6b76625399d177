package dev.flywheel.eclipse.core.settings;

/**
 * One Flywheel backend the user connected: a name to show, its base URL and, when the backend wants
 * basic auth, the user; the password lives in secure storage under the name, never here.
 *
 * @param name the unique name shown in the views
 * @param url the backend's base URL
 * @param user the basic-auth user, or empty for none
 * @param labelStudioUrl the base URL of the Label Studio this backend serves, for "Open in Label Studio"; empty
 *     when unknown
 */
public record BackendConnection(String name, String url, String user, String labelStudioUrl) {

    /** Trims the fields and rejects a connection without a name or URL. */
    public BackendConnection {
        name = name == null ? "" : name.strip(); //$NON-NLS-1$
        url = url == null ? "" : url.strip(); //$NON-NLS-1$
        user = user == null ? "" : user.strip(); //$NON-NLS-1$
        labelStudioUrl = labelStudioUrl == null ? "" : labelStudioUrl.strip(); //$NON-NLS-1$
        while (labelStudioUrl.endsWith("/")) { //$NON-NLS-1$
            labelStudioUrl = labelStudioUrl.substring(0, labelStudioUrl.length() - 1);
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a connection needs a name"); //$NON-NLS-1$
        }
        if (url.isEmpty()) {
            throw new IllegalArgumentException("a connection needs a URL"); //$NON-NLS-1$
        }
    }

    /** A connection without a Label Studio URL. */
    public BackendConnection(String name, String url, String user) {
        this(name, url, user, ""); //$NON-NLS-1$
    }

    /** Whether requests carry basic auth. */
    public boolean hasUser() {
        return !user.isEmpty();
    }

    /** Whether the Label Studio URL is known, so tasks can be opened there. */
    public boolean hasLabelStudio() {
        return !labelStudioUrl.isEmpty();
    }

    /** Label Studio's data manager of {@code project} with {@code task} opened: {@code <LS>/projects/<id>/data?task=<task>}. */
    public String labelStudioTaskUrl(long project, long task) {
        return labelStudioUrl + "/projects/" + project + "/data?task=" + task; //$NON-NLS-1$ //$NON-NLS-2$
    }
}
