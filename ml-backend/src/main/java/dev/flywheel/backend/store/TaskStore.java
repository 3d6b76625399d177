package dev.flywheel.backend.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Label Studio tasks of stored projects. */
public interface TaskStore {

    /**
     * Inserts or updates tasks in one transaction; a stored task keeps its deleted flag.
     *
     * @throws UnknownEntityException when a task's project is not stored
     */
    void saveAll(List<Task> tasks);

    /** Marks tasks deleted; returns how many were stored and not deleted before. */
    int markDeleted(long projectId, Collection<Long> taskIds);

    Optional<Task> find(long projectId, long taskId);

    /** The project's tasks that are not deleted, by id. */
    List<Task> list(long projectId);
}
