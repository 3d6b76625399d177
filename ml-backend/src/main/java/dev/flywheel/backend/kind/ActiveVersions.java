package dev.flywheel.backend.kind;

import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.backend.registry.ModelRegistry;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one cache of active versions: per project the version it serves, read from the store once, loaded by its kind
 * on the first prediction and kept until the active version changes. A replaced version is freed once the
 * predictions running on it have finished.
 *
 * <p>Whatever makes a version active (a published run, a rollback) tells {@link #activated(long)}, so a
 * {@code /predict} looks its version up in memory only.
 */
public final class ActiveVersions implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ActiveVersions.class);

    private final TaskKinds kinds;
    private final ModelRegistry registry;
    private final LongFunction<Optional<String>> activeVersion;
    private final Map<Long, Entry> entries = new ConcurrentHashMap<>();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();

    /** @param activeVersion the store's record of a project's active version */
    public ActiveVersions(TaskKinds kinds, ModelRegistry registry, LongFunction<Optional<String>> activeVersion) {
        this.kinds = kinds;
        this.registry = registry;
        this.activeVersion = activeVersion;
    }

    /**
     * The manifest of the project's active version, when this backend can serve it: empty before a project has a
     * version, and when no kind serves its version as configured now (a head on another backbone, logged once); the
     * project is then served as untrained until a version this backend can serve is active.
     */
    public Optional<ModelManifest> active(long project) {
        return entry(project).manifest;
    }

    /** The version that serves {@code kind} for the project: its active version when of that kind, else the kind's stand-in. */
    public Optional<String> serving(long project, TaskKind kind) {
        Optional<ModelManifest> manifest = active(project).filter(m -> m.taskType().equals(kind.name()));
        return manifest.map(ModelManifest::version).or(() -> kind.standIn().map(LoadedVersion::version));
    }

    /**
     * The loaded version that serves {@code kind} for the project, with a reference the caller gives back by closing
     * it; empty when neither an active version of that kind nor a stand-in serves it.
     */
    public Optional<LoadedVersion> acquire(long project, TaskKind kind) {
        while (true) {
            Entry entry = entry(project);
            if (entry.manifest.isEmpty() || !entry.manifest.get().taskType().equals(kind.name())) {
                return kind.standIn().filter(LoadedVersion::retain);
            }
            Optional<LoadedVersion> loaded = entry.retained(kind, registry);
            if (loaded.isPresent()) {
                return loaded;
            }
            // Replaced while we looked: the next entry holds the newer version.
        }
    }

    /** The project's active version changed: the next call reads it, and the old one is freed after its last caller. */
    public void activated(long project) {
        Entry old = entries.remove(project);
        if (old != null) {
            old.close();
        }
    }

    @Override
    public void close() {
        entries.keySet().forEach(this::activated);
    }

    private Entry entry(long project) {
        return entries.computeIfAbsent(project, p -> new Entry(servable(p)));
    }

    private Optional<ModelManifest> servable(long project) {
        return activeVersion.apply(project).flatMap(version -> registry.manifest(project, version)).filter(manifest -> {
            Optional<String> problem = kinds.of(manifest).map(kind -> kind.servingProblem(manifest))
                    .orElse(Optional.of("version " + manifest.version() + " is of the task kind '" + manifest.taskType() + "', which this backend does not serve"));
            if (problem.isPresent() && refused.add(project + "/" + manifest.version())) {
                LOG.warn("project {}: not serving: {}; predictions stay empty until a version this backend can serve is active", project,
                        problem.get());
            }
            return problem.isEmpty();
        });
    }

    /** One project's active version: its manifest, and the loaded version once a prediction asked for it. */
    private static final class Entry {

        final Optional<ModelManifest> manifest;
        private LoadedVersion loaded;
        private boolean closed;

        Entry(Optional<ModelManifest> manifest) {
            this.manifest = manifest;
        }

        synchronized Optional<LoadedVersion> retained(TaskKind kind, ModelRegistry registry) {
            if (closed) {
                return Optional.empty();
            }
            if (loaded == null) {
                ModelManifest m = manifest.orElseThrow();
                loaded = kind.load(registry.versionDir(m.project(), m.version()), m);
            }
            return loaded.retain() ? Optional.of(loaded) : Optional.empty();
        }

        synchronized void close() {
            closed = true;
            if (loaded != null) {
                loaded.close();
                loaded = null;
            }
        }
    }
}
