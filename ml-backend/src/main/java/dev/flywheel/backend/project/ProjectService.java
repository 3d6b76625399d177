package dev.flywheel.backend.project;

import dev.flywheel.backend.kind.ServedConfig;
import dev.flywheel.backend.kind.ServedConfigs;
import dev.flywheel.backend.kind.TaskKinds;
import dev.flywheel.backend.store.FlywheelStore;
import dev.flywheel.backend.store.Project;
import dev.flywheel.backend.store.ProjectDefinition;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps each project's label config in the store and its Label Studio connection hints in memory.
 *
 * <p>The hints (hostname, the creator's token) are not persisted: a token at rest is a liability, and Label Studio
 * repeats {@code /setup} before every predict batch anyway.
 */
public final class ProjectService implements ProjectSettings {

    private final FlywheelStore store;
    private final ServedConfigs configs;
    private final Map<Long, ProjectConnection> connections = new ConcurrentHashMap<>();

    public ProjectService(FlywheelStore store, ServedConfigs configs) {
        this.store = Objects.requireNonNull(store, "store");
        this.configs = Objects.requireNonNull(configs, "configs");
    }

    @Override
    public void remember(ProjectConnection connection) {
        connections.put(connection.project(), connection);
        rememberConfig(connection.project(), null, connection.labelConfig());
    }

    @Override
    public Optional<ProjectConnection> find(long project) {
        ProjectConnection connection = connections.get(project);
        if (connection != null) {
            return Optional.of(connection);
        }
        return store.projects().find(project)
                .filter(p -> !p.definition().labelConfig().isBlank())
                .map(p -> new ProjectConnection(project, p.definition().labelConfig(), Optional.empty(), Optional.empty()));
    }

    /** Records a project's label config (and title, when known); a changed config gives a new label set. */
    public Project rememberConfig(long id, String title, String labelConfig) {
        ServedConfig config = configs.get(labelConfig);
        Optional<Project> existing = store.projects().find(id);
        String name = title != null && !title.isBlank() ? title
                : existing.map(p -> p.definition().title()).orElse("Project " + id);
        if (existing.isPresent() && existing.get().definition().labelConfig().equals(labelConfig)
                && existing.get().definition().title().equals(name)) {
            return existing.get();
        }
        return store.projects().save(new ProjectDefinition(id, name, labelConfig, config.labels(), config.kindName()));
    }

    /** Makes sure a project row exists, even before Flywheel has seen its label config. */
    public Project ensure(long id) {
        return store.projects().find(id).orElseGet(() ->
                store.projects().save(new ProjectDefinition(id, "Project " + id, "", java.util.List.of(), TaskKinds.UNSUPPORTED)));
    }
}
