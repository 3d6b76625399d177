package dev.flywheel.backend.insights;

import java.util.List;

/**
 * Which slice of a growing list to return: an opaque cursor (an offset today) and a limit.
 *
 * @param offset where the page starts
 * @param limit how many items at most
 */
public record Page(int offset, int limit) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public Page {
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + " and the cursor valid");
        }
    }

    /** Reads {@code ?cursor=} and {@code ?limit=}, either may be null. */
    public static Page of(String cursor, String limit) {
        try {
            int offset = cursor == null || cursor.isBlank() ? 0 : Integer.parseInt(cursor);
            int size = limit == null || limit.isBlank() ? DEFAULT_LIMIT : Integer.parseInt(limit);
            return new Page(offset, size);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cursor and limit must be whole numbers");
        }
    }

    <T> List<T> slice(List<T> all) {
        return offset >= all.size() ? List.of() : all.subList(offset, Math.min(all.size(), offset + limit));
    }

    /** The cursor of the next page, or null at the end. */
    String next(int total) {
        return offset + limit < total ? Integer.toString(offset + limit) : null;
    }
}
