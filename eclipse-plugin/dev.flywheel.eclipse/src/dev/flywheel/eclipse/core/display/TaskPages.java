package dev.flywheel.eclipse.core.display;

import dev.flywheel.eclipse.core.client.TaskQuery;
import dev.flywheel.model.api.TaskSummary;
import dev.flywheel.model.api.TasksPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The pages of a project's tasks loaded so far for one query, in the backend's order, and the query of the next
 * page; a virtual table asks it for rows and loads the next page when it reaches the end. Not thread-safe: use it
 * on the UI thread only.
 */
public final class TaskPages {

    private final TaskQuery query;
    private final List<TaskSummary> tasks = new ArrayList<>();
    private String nextCursor;
    private boolean started;

    /** No pages yet of the tasks {@code query} selects. */
    public TaskPages(TaskQuery query) {
        this.query = Objects.requireNonNull(query, "query"); //$NON-NLS-1$
    }

    /** The query whose pages these are. */
    public TaskQuery query() {
        return query;
    }

    /** Adds the page that answered {@link #next()}. */
    public void append(TasksPage page) {
        tasks.addAll(page.tasks());
        nextCursor = page.nextCursor();
        started = true;
    }

    /** The query of the page after the loaded ones, or {@code null} when every page is loaded. */
    public TaskQuery next() {
        if (!started) {
            return query;
        }
        return nextCursor == null ? null : query.after(nextCursor);
    }

    /** How many tasks are loaded. */
    public int size() {
        return tasks.size();
    }

    /** The task at {@code index}, or {@code null} when that page is not loaded. */
    public TaskSummary get(int index) {
        return index >= 0 && index < tasks.size() ? tasks.get(index) : null;
    }
}
