package dev.flywheel.backend.kind;

import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.backend.registry.ModelRegistry;
import java.util.ArrayList;
import java.util.List;
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
 *
 * <p>A version is loaded when it is looked up, so a manifest or model file that is missing or damaged (at start, or
 * at a switch) shows there: the version is logged and marked failed, and the version that served before (or else the
 * newest ready one that loads) keeps serving. When none loads, predictions are refused with
 * {@link NoServableVersionException} until a new version is activated.
 */
public final class ActiveVersions implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ActiveVersions.class);

    private final TaskKinds kinds;
    private final ModelRegistry registry;
    private final LongFunction<Optional<String>> activeVersion;
    private final VersionHistory history;
    private final Map<Long, Entry> entries = new ConcurrentHashMap<>();
    private final Map<Long, String> previous = new ConcurrentHashMap<>();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private final Object resolving = new Object();

    /** @param activeVersion the store's record of a project's active version */
    public ActiveVersions(TaskKinds kinds, ModelRegistry registry, LongFunction<Optional<String>> activeVersion) {
        this(kinds, registry, activeVersion, VersionHistory.NONE);
    }

    /**
     * @param activeVersion the store's record of a project's active version
     * @param history the ready versions to fall back on and the record of those that cannot be loaded
     */
    public ActiveVersions(TaskKinds kinds, ModelRegistry registry, LongFunction<Optional<String>> activeVersion, VersionHistory history) {
        this.kinds = kinds;
        this.registry = registry;
        this.activeVersion = activeVersion;
        this.history = history;
    }

    /**
     * The manifest of the project's active version, when this backend can serve it: empty before a project has a
     * version, and when no kind serves its version as configured now (a head on another backbone, logged once); the
     * project is then served as untrained until a version this backend can serve is active.
     *
     * @throws NoServableVersionException when the project has versions and none of them can be loaded
     */
    public Optional<ModelManifest> active(long project) {
        Entry entry = entry(project);
        if (entry.unservable != null) {
            throw new NoServableVersionException(entry.unservable);
        }
        return entry.manifest;
    }

    /** The version that serves {@code kind} for the project: its active version when of that kind, else the kind's stand-in. */
    public Optional<String> serving(long project, TaskKind kind) {
        Optional<ModelManifest> manifest = active(project).filter(m -> m.taskType().equals(kind.name()));
        return manifest.map(ModelManifest::version).or(() -> kind.standIn().map(LoadedVersion::version));
    }

    /**
     * The loaded version that serves {@code kind} for the project, with a reference the caller gives back by closing
     * it; empty when neither an active version of that kind nor a stand-in serves it.
     *
     * @throws NoServableVersionException when the project has versions and none of them can be loaded
     */
    public Optional<LoadedVersion> acquire(long project, TaskKind kind) {
        while (true) {
            Entry entry = entry(project);
            if (entry.unservable != null) {
                throw new NoServableVersionException(entry.unservable);
            }
            Optional<ModelManifest> manifest = entry.manifest;
            if (manifest.isEmpty() || !manifest.get().taskType().equals(kind.name())) {
                return kind.standIn().filter(LoadedVersion::retain);
            }
            Optional<LoadedVersion> loaded = entry.retained();
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
            // The version that served until now is the first to fall back on if the new one cannot be loaded.
            old.manifest.ifPresent(m -> previous.put(project, m.version()));
            old.close();
        }
    }

    /**
     * What the store says the project's active version is now (another replica activated one, or rolled back): when the
     * version in memory was resolved from another, it is dropped as by {@link #activated(long)}; otherwise nothing
     * happens, so asking often costs nothing.
     */
    public void sync(long project, Optional<String> stored) {
        Entry entry = entries.get(project);
        if (entry != null && !entry.resolvedFrom.equals(stored)) {
            activated(project);
        }
    }

    @Override
    public void close() {
        entries.keySet().forEach(this::activated);
    }

    private Entry entry(long project) {
        Entry entry = entries.get(project);
        if (entry != null) {
            return entry;
        }
        // One resolution at a time: it loads a model, which must not happen twice for one project.
        synchronized (resolving) {
            return entries.computeIfAbsent(project, this::resolve);
        }
    }

    /** The first version of the project that loads: the active one, the one that served before, then the newest ready. */
    private Entry resolve(long project) {
        Optional<String> stored = activeVersion.apply(project);
        if (stored.isEmpty()) {
            return new Entry(stored, Optional.empty(), null, null);
        }
        List<String> candidates = new ArrayList<>(List.of(stored.get()));
        Optional.ofNullable(previous.get(project)).filter(v -> !candidates.contains(v)).ifPresent(candidates::add);
        history.ready(project).stream().filter(v -> !candidates.contains(v)).forEach(candidates::add);
        List<String> broken = new ArrayList<>();
        for (String version : candidates) {
            Optional<ModelManifest> manifest;
            try {
                manifest = registry.manifest(project, version);
            } catch (RuntimeException e) {
                LOG.error("project {}: the manifest of version {} cannot be read; marking it failed", project, version, e);
                broken.add(version);
                continue;
            }
            if (manifest.isEmpty()) {
                LOG.error("project {}: version {} has no manifest in {}; marking it failed", project, version,
                        registry.versionDir(project, version));
                broken.add(version);
                continue;
            }
            if (!servable(project, manifest.get())) {
                // A version of another backbone is not damaged: the project is served as untrained, as before.
                return fellBack(project, stored.get(), broken, Optional.empty(), new Entry(stored, Optional.empty(), null, null));
            }
            TaskKind kind = kinds.of(manifest.get()).orElseThrow();
            try {
                LoadedVersion loaded = kind.load(registry.versionDir(project, version), manifest.get());
                return fellBack(project, stored.get(), broken, Optional.of(version), new Entry(stored, manifest, loaded, null));
            } catch (RuntimeException e) {
                LOG.error("project {}: the model files of version {} cannot be loaded; marking it failed", project, version, e);
                broken.add(version);
            }
        }
        String reason = "no version of project " + project + " can be loaded (damaged or missing files in " + String.join(", ", broken)
                + ", now marked failed); the next annotation or Start Training trains a new one";
        LOG.error("project {}: {}", project, reason);
        return fellBack(project, stored.get(), broken, Optional.empty(), new Entry(stored, Optional.empty(), null, reason));
    }

    /** Records the broken versions in the store, the one serving instead made active, and answers {@code entry}. */
    private Entry fellBack(long project, String stored, List<String> broken, Optional<String> serving, Entry entry) {
        for (String version : broken) {
            history.broken(project, version, "version " + version + " cannot be served: its manifest or model files are damaged or missing"
                    + serving.map(s -> "; " + s + " serves instead").orElse(""), version.equals(stored) ? serving : Optional.empty());
        }
        if (!broken.isEmpty()) {
            serving.ifPresent(v -> LOG.warn("project {}: version {} serves instead of {}", project, v, stored));
        }
        return entry;
    }

    private boolean servable(long project, ModelManifest manifest) {
        Optional<String> problem = kinds.of(manifest).map(kind -> kind.servingProblem(manifest))
                .orElse(Optional.of("version " + manifest.version() + " is of the task kind '" + manifest.taskType() + "', which this backend does not serve"));
        if (problem.isPresent() && refused.add(project + "/" + manifest.version())) {
            LOG.warn("project {}: not serving: {}; predictions stay empty until a version this backend can serve is active", project,
                    problem.get());
        }
        return problem.isEmpty();
    }

    /** One project's active version: its manifest and loaded version, or why nothing can serve it. */
    private static final class Entry {

        /** The store's active version this entry was resolved from. */
        final Optional<String> resolvedFrom;
        final Optional<ModelManifest> manifest;
        final String unservable;
        private LoadedVersion loaded;
        private boolean closed;

        Entry(Optional<String> resolvedFrom, Optional<ModelManifest> manifest, LoadedVersion loaded, String unservable) {
            this.resolvedFrom = resolvedFrom;
            this.manifest = manifest;
            this.loaded = loaded;
            this.unservable = unservable;
        }

        synchronized Optional<LoadedVersion> retained() {
            if (closed || loaded == null) {
                return Optional.empty();
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
