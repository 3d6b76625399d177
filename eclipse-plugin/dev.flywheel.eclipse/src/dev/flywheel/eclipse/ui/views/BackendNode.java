package dev.flywheel.eclipse.ui.views;

import dev.flywheel.eclipse.core.settings.BackendConnection;
import java.util.List;

/**
 * A backend in the datasets tree: its connection and, once loaded, its projects or the reason there are none.
 *
 * @param connection the backend
 * @param projects its projects, empty while loading or after a failure
 * @param note what the tree says next to the backend: loading, or an error; {@code null} when loaded
 */
record BackendNode(BackendConnection connection, List<ProjectNode> projects, String note) {

    BackendNode {
        projects = List.copyOf(projects);
    }
}
