package dev.flywheel.backend.insights;

import dev.flywheel.backend.annotations.TrainingTrigger;
import dev.flywheel.backend.kind.ActiveVersions;
import dev.flywheel.backend.kind.NoServableVersionException;
import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.backend.registry.ModelRegistry;
import dev.flywheel.backend.store.DatasetCounts;
import dev.flywheel.backend.store.FlywheelStore;
import dev.flywheel.backend.store.Project;
import dev.flywheel.backend.store.RunResult;
import dev.flywheel.backend.store.TrainingRun;
import dev.flywheel.backend.store.UnknownEntityException;
import dev.flywheel.model.api.ModelDetail;
import dev.flywheel.model.api.ModelMetrics;
import dev.flywheel.model.api.ModelStatus;
import dev.flywheel.model.api.ModelSummary;
import dev.flywheel.model.api.ModelsReply;
import dev.flywheel.model.api.ProjectSummary;
import dev.flywheel.model.api.ProjectsReply;
import dev.flywheel.model.api.TaskType;
import dev.flywheel.model.api.TrainReply;
import java.util.List;
import java.util.Optional;

/**
 * The model part of the insights API: projects, their versions with metrics, activation (rollback) and Train now.
 */
public final class ModelInsights {

    private final FlywheelStore store;
    private final ModelRegistry registry;
    private final TrainingTrigger training;
    private final ActiveVersions active;

    /** {@code active} hears of every rollback. */
    public ModelInsights(FlywheelStore store, ModelRegistry registry, TrainingTrigger training, ActiveVersions active) {
        this.store = store;
        this.registry = registry;
        this.training = training;
        this.active = active;
    }

    public ProjectsReply projects() {
        return new ProjectsReply(store.projects().list().stream().map(this::summary).toList());
    }

    public ModelsReply models(long project) {
        requireProject(project);
        List<ModelSummary> models = store.runs().list(project).stream().map(run -> detail(project, run).summary()).toList();
        return new ModelsReply(store.runs().activeVersion(project).orElse(null), models);
    }

    public ModelDetail model(long project, String version) {
        requireProject(project);
        TrainingRun run = store.runs().find(project, version)
                .orElseThrow(() -> new UnknownEntityException("project " + project + " has no model version " + version));
        return detail(project, run);
    }

    /** Makes a ready version the one Label Studio is served from; a rollback when it is older. */
    public ModelDetail activate(long project, String version) {
        model(project, version);
        store.runs().activate(project, version);
        active.activated(project);
        try {
            // Loaded now, not at the next prediction: a version whose files are damaged is marked failed in this reply.
            active.active(project);
        } catch (NoServableVersionException none) {
            // The record below says the version failed; predictions say that nothing serves.
        }
        return model(project, version);
    }

    public TrainReply train(long project) {
        requireProject(project);
        String version = training.trainNow(project)
                .orElseThrow(() -> new UnknownEntityException("project " + project + " is unknown"));
        return new TrainReply(version, ModelStatus.QUEUED);
    }

    private Project requireProject(long project) {
        return store.projects().find(project)
                .orElseThrow(() -> new UnknownEntityException("Flywheel has not seen project " + project + " yet"));
    }

    private ProjectSummary summary(Project project) {
        DatasetCounts counts = store.dataset().counts(project.id());
        return new ProjectSummary(project.id(), project.definition().title(), taskType(project), project.labels(),
                counts.tasks(), counts.annotations(), project.activeVersion().orElse(null), null);
    }

    private ModelDetail detail(long project, TrainingRun run) {
        Optional<ModelManifest> manifest = run.status() == ModelStatus.READY
                ? registry.manifest(project, run.version())
                : Optional.empty();
        ModelStatus status = run.status();
        Long trainedOn = manifest.map(m -> (long) m.trainedOn()).or(() -> run.result().map(r -> (long) r.trainedOn())).orElse(null);
        Long datasetSize = run.result().map(RunResult::datasetSize).map(Long::valueOf).orElse(null);
        return new ModelDetail(
                run.version(),
                run.parentVersion().orElse(null),
                status,
                run.createdAt().toString(),
                trainedOn,
                manifest.map(ModelManifest::trainingSeconds).orElse(null),
                manifest.map(ModelManifest::metrics).orElse(new ModelMetrics(null, null)),
                datasetSize,
                manifest.map(ModelManifest::labels).orElse(List.of()),
                manifest.map(ModelManifest::perClass).orElse(List.of()),
                manifest.map(ModelManifest::confusion).orElse(null),
                manifest.map(ModelManifest::dataFingerprint).orElse(null),
                manifest.map(ModelManifest::hyperparameters).orElse(java.util.Map.of()),
                manifest.map(ModelManifest::history).orElse(List.of()),
                run.errorMessage().orElse(null));
    }

    private static TaskType taskType(Project project) {
        return TaskType.ofWireName(project.definition().taskType());
    }
}
