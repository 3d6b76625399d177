package dev.flywheel.eclipse.ui.preferences;

import dev.flywheel.eclipse.core.settings.BackendConnection;

/** A connection as the page edits it; the password is only known when the user typed one. */
final class EditedConnection {

    String name;
    String url;
    String user;
    /** The typed password, or {@code null} when the stored one is kept. */
    String password;

    EditedConnection(String name, String url, String user) {
        this.name = name;
        this.url = url;
        this.user = user;
    }

    static EditedConnection of(BackendConnection connection) {
        return new EditedConnection(connection.name(), connection.url(), connection.user());
    }

    BackendConnection toConnection() {
        return new BackendConnection(name, url, user);
    }
}
