package dev.flywheel.backend.prelabeljob;

import dev.flywheel.backend.kind.ActiveVersions;
import dev.flywheel.backend.kind.LoadedVersion;
import dev.flywheel.backend.kind.ServedConfig;
import dev.flywheel.backend.kind.ServedConfigs;
import dev.flywheel.backend.kind.TaskKind;
import dev.flywheel.backend.kind.UnsupportedLabelConfigException;
import dev.flywheel.backend.labelconfig.LabelConfigException;
import dev.flywheel.backend.labelconfig.ServingTarget;
import dev.flywheel.backend.prelabel.PrelabelService;
import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.backend.registry.ModelRegistry;
import dev.flywheel.model.labelstudio.Prediction;
import dev.flywheel.model.labelstudio.Task;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Predictors over the per-request pre-labelling ({@link PrelabelService}): the same fetch, decode and prediction-to-region
 * code {@code /predict} uses. The active version is shared with {@code /predict} (loaded once); another version is loaded
 * for the job alone and freed when it ends.
 */
public final class VersionPredictors implements JobPredictors {

    private final ActiveVersions active;
    private final ModelRegistry registry;
    private final ServedConfigs configs;
    private final PrelabelService prelabel;

    public VersionPredictors(ActiveVersions active, ModelRegistry registry, ServedConfigs configs, PrelabelService prelabel) {
        this.active = Objects.requireNonNull(active, "active");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.configs = Objects.requireNonNull(configs, "configs");
        this.prelabel = Objects.requireNonNull(prelabel, "prelabel");
    }

    @Override
    public JobPredictor open(long project, String version, String labelConfig) {
        ServedConfig served;
        try {
            served = configs.get(labelConfig).require();
        } catch (UnsupportedLabelConfigException | LabelConfigException e) {
            throw new JobFailedException("project " + project + "'s label config cannot be pre-labelled: " + e.getMessage(), e);
        }
        TaskKind kind = served.kind().orElseThrow();
        ServingTarget target = served.target().orElseThrow();
        LoadedVersion loaded = shared(project, kind, version).orElseGet(() -> load(project, kind, version));
        return new Held(project, target, loaded);
    }

    /** The version as {@code /predict} holds it, when it is the one serving the project now. */
    private Optional<LoadedVersion> shared(long project, TaskKind kind, String version) {
        Optional<LoadedVersion> acquired = active.acquire(project, kind);
        if (acquired.isPresent() && !acquired.get().version().equals(version)) {
            acquired.get().close();
            return Optional.empty();
        }
        return acquired;
    }

    private LoadedVersion load(long project, TaskKind kind, String version) {
        ModelManifest manifest = registry.manifest(project, version)
                .orElseThrow(() -> new JobFailedException("project " + project + " has no model version " + version));
        if (!manifest.taskType().equals(kind.name())) {
            throw new JobFailedException("version " + version + " is a " + manifest.taskType() + " model; the project's label config asks for "
                    + kind.name());
        }
        kind.servingProblem(manifest).ifPresent(problem -> {
            throw new JobFailedException("version " + version + " cannot serve: " + problem);
        });
        return kind.load(registry.versionDir(project, version), manifest);
    }

    /** A version held for one job. */
    private final class Held implements JobPredictor {

        private final long project;
        private final ServingTarget target;
        private final LoadedVersion version;

        Held(long project, ServingTarget target, LoadedVersion version) {
            this.project = project;
            this.target = target;
            this.version = version;
        }

        @Override
        public String version() {
            return version.version();
        }

        @Override
        public List<Optional<Prediction>> predict(List<Task> tasks) {
            PrelabelService.Batch batch = prelabel.predict(project, target, tasks, version);
            Set<Integer> unavailable = new HashSet<>(batch.unavailable());
            List<Optional<Prediction>> outcomes = new ArrayList<>(tasks.size());
            for (int i = 0; i < tasks.size(); i++) {
                outcomes.add(unavailable.contains(i) ? Optional.empty() : Optional.of(batch.predictions().get(i)));
            }
            return outcomes;
        }

        @Override
        public void close() {
            version.close();
        }
    }
}
