package dev.flywheel.backend.project;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Project settings held in memory, for a backend without a store and for tests. */
public final class InMemoryProjectSettings implements ProjectSettings {

    private final Map<Long, ProjectConnection> connections = new ConcurrentHashMap<>();

    @Override
    public void remember(ProjectConnection connection) {
        connections.put(connection.project(), connection);
    }

    @Override
    public Optional<ProjectConnection> find(long project) {
        return Optional.ofNullable(connections.get(project));
    }
}
