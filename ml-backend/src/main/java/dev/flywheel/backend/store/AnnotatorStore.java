package dev.flywheel.backend.store;

import java.util.Map;

/**
 * The names Label Studio sends for its users (an e-mail or user name beside {@code completed_by}'s id), per project,
 * so statistics can show a person rather than a number. A name is not a secret; no token ever comes this way.
 */
public interface AnnotatorStore {

    /** Records (or replaces) the name Label Studio sent for user {@code userId} in the project. */
    void remember(long projectId, long userId, String name);

    /** Every name known in the project, by user id. */
    Map<Long, String> names(long projectId);

    /** Who gave each of the project's annotations: annotation id to Label Studio user id, for those that say. */
    Map<Long, Long> authors(long projectId);
}
