package dev.flywheel.eclipse.core.client;

/**
 * Which page of a project's tasks to ask for: optional filters, the order, the page size and the cursor
 * of the previous page.
 *
 * @param label only tasks labeled with this label, or {@code null} for all
 * @param onlyWithIssues only tasks with a suspected label issue
 * @param byUncertainty the least certain predictions first instead of the backend's default order
 * @param limit the page size, 1 to 1000
 * @param cursor the {@code next_cursor} of the previous page, or {@code null} for the first page
 */
public record TaskQuery(String label, boolean onlyWithIssues, boolean byUncertainty, int limit, String cursor) {

    /** The backend's default page size. */
    public static final int DEFAULT_LIMIT = 100;

    /** Rejects a page size the backend would refuse. */
    public TaskQuery {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be in [1, 1000], was " + limit); //$NON-NLS-1$
        }
    }

    /** The first page of all tasks in the backend's order. */
    public static TaskQuery all() {
        return new TaskQuery(null, false, false, DEFAULT_LIMIT, null);
    }

    /** This query restricted to {@code newLabel} (or unrestricted when blank). */
    public TaskQuery withLabel(String newLabel) {
        return new TaskQuery(newLabel == null || newLabel.isBlank() ? null : newLabel, onlyWithIssues, byUncertainty, limit,
                null);
    }

    /** This query with or without the issue filter, from the first page. */
    public TaskQuery withIssuesOnly(boolean only) {
        return new TaskQuery(label, only, byUncertainty, limit, null);
    }

    /** This query ordered by uncertainty or not, from the first page. */
    public TaskQuery orderedByUncertainty(boolean uncertainFirst) {
        return new TaskQuery(label, onlyWithIssues, uncertainFirst, limit, null);
    }

    /** The page after the one whose reply carried {@code nextCursor}. */
    public TaskQuery after(String nextCursor) {
        return new TaskQuery(label, onlyWithIssues, byUncertainty, limit, nextCursor);
    }
}
