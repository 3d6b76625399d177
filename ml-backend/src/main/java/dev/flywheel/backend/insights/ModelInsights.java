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
import dev.flywheel.backend.training.RunProgressBoard;
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
    private final RunProgressBoard progress;

    /** {@code active} hears of every rollback. */
    public ModelInsights(FlywheelStore store, ModelRegistry registry, TrainingTrigger training, ActiveVersions active) {
        this(store, registry, training, active, new RunProgressBoard());
    }

    /** Like the other constructor; a training version's record carries what {@code progress} says of its run. */
    public ModelInsights(FlywheelStore store, ModelRegistry registry, TrainingTrigger training, ActiveVersions active,
            RunProgressBoard progress) {
        this.progress = progress;
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
        List<TrainingRun> runs = store.runs().list(project);
        List<ModelSummary> models = runs.stream().map(run -> summary(project, run)).toList();
        long trainedThrough = runs.stream().filter(run -> run.status() == ModelStatus.READY).findFirst()
                .flatMap(TrainingRun::trainedThroughSequence).orElse(0L);
        return new ModelsReply(store.runs().activeVersion(project).orElse(null), models,
                store.annotations().countChangedSince(project, trainedThrough));
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

    /**
     * Queues a run, unless the active version already learned from every stored annotation: an identical version would
     * replace it and restart its drift window. (Label Studio's Start Training is not refused: it first fetches the
     * annotations a webhook may have missed.)
     */
    public TrainReply train(long project) {
        requireProject(project);
        refuseWhenNothingChanged(project);
        String version = training.trainNow(project)
                .orElseThrow(() -> new UnknownEntityException("project " + project + " is unknown"));
        return new TrainReply(version, ModelStatus.QUEUED);
    }

    private void refuseWhenNothingChanged(long project) {
        List<TrainingRun> runs = store.runs().list(project);
        if (runs.isEmpty() || runs.get(0).status() != ModelStatus.READY) {
            return; // nothing trained yet, a run already under way (its version is answered) or a failure to retry
        }
        TrainingRun newest = runs.get(0);
        String active = store.runs().activeVersion(project).orElse(null);
        if (!newest.version().equals(active)) {
            return; // rolled back: a run on the same data is how to get a version of the newest data active again
        }
        long changed = store.annotations().countChangedSince(project, newest.trainedThroughSequence().orElse(0L));
        if (changed == 0) {
            throw new NothingToTrainException("Nothing to train: no annotation was added or changed since " + newest.version()
                    + " was trained" + newest.result().map(r -> " on " + r.datasetSize() + " labeled tasks").orElse("")
                    + ", so a run would make the same version again. Label or correct tasks in Label Studio first.");
        }
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

    /** The run's list entry; while it trains, with how far it is. */
    private ModelSummary summary(long project, TrainingRun run) {
        ModelSummary summary = detail(project, run).summary();
        return run.status() == ModelStatus.TRAINING
                ? progress.of(project, run.version()).map(summary::withProgress).orElse(summary)
                : summary;
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
