package dev.flywheel.eclipse.core.display;

import dev.flywheel.eclipse.core.settings.BackendConnection;
import java.util.Objects;

/**
 * One project of one connected backend, as views pass it to each other.
 *
 * @param connection the backend serving the project
 * @param id Label Studio's numeric project id
 * @param title the project's title, for headers
 */
public record ProjectRef(BackendConnection connection, long id, String title) {

    /** Rejects a reference without a backend. */
    public ProjectRef {
        Objects.requireNonNull(connection, "connection"); //$NON-NLS-1$
        title = title == null || title.isBlank() ? "#" + id : title; //$NON-NLS-1$
    }
}
