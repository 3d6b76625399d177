package dev.flywheel.eclipse.ui.preferences;

import dev.flywheel.eclipse.core.settings.BackendConnection;

/** A connection as the page edits it; the password is only known when the user typed one. */
final class EditedConnection {

    String name;
    String url;
    String user;
    String labelStudioUrl = ""; //$NON-NLS-1$
    /** The typed password, or {@code null} when the stored one is kept. */
    String password;

    EditedConnection(String name, String url, String user) {
        this.name = name;
        this.url = url;
        this.user = user;
    }

    static EditedConnection of(BackendConnection connection) {
        EditedConnection edited = new EditedConnection(connection.name(), connection.url(), connection.user());
        edited.labelStudioUrl = connection.labelStudioUrl();
        return edited;
    }

    BackendConnection toConnection() {
        return new BackendConnection(name, url, user, labelStudioUrl);
    }
}
