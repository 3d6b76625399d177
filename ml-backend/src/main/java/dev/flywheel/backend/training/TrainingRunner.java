package dev.flywheel.backend.training;

import dev.flywheel.model.api.ModelStatus;
import dev.flywheel.model.api.RunProgress;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.backend.kind.ActiveVersions;
import dev.flywheel.backend.kind.Readiness;
import dev.flywheel.backend.kind.RunRequest;
import dev.flywheel.backend.kind.TaskKind;
import dev.flywheel.backend.kind.TaskKinds;
import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.backend.registry.ModelRegistry;
import dev.flywheel.backend.store.FlywheelStore;
import dev.flywheel.backend.store.Project;
import dev.flywheel.backend.store.RunResult;
import dev.flywheel.backend.store.TrainingRun;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out one project's training run: records it, asks the project's task kind to train and evaluate it, publishes
 * the version and only then makes it active. A failure leaves the active version as it was.
 */
public final class TrainingRunner {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingRunner.class);

    private final FlywheelStore store;
    private final ModelRegistry registry;
    private final TaskKinds kinds;
    private final TrainingPolicy policy;
    private final ObjectMapper mapper;
    private final ActiveVersions active;
    private final RunProgressBoard progress;

    /** {@code active} hears of every version this runner makes active. */
    public TrainingRunner(FlywheelStore store, ModelRegistry registry, TaskKinds kinds, TrainingPolicy policy, ObjectMapper mapper,
            ActiveVersions active) {
        this(store, registry, kinds, policy, mapper, active, new RunProgressBoard());
    }

    /** Like the other constructor; each run's epochs are posted on {@code progress}. */
    public TrainingRunner(FlywheelStore store, ModelRegistry registry, TaskKinds kinds, TrainingPolicy policy, ObjectMapper mapper,
            ActiveVersions active, RunProgressBoard progress) {
        this.progress = progress;
        this.store = store;
        this.registry = registry;
        this.kinds = kinds;
        this.policy = policy;
        this.mapper = mapper;
        this.active = active;
    }

    /** Queues a run when the policy says the project has earned one; the queued version, or empty. */
    public Optional<String> prepareIfDue(long project) {
        return prepareIfDue(project, false);
    }

    /** How long annotations stay unchanged before whatever changed earns a run; empty when the policy never catches up. */
    public Optional<java.time.Duration> catchUpAfter() {
        return policy.catchUpAfter();
    }

    /**
     * Like {@link #prepareIfDue(long)}; {@code idle} says the project's annotations have not changed for
     * {@link #catchUpAfter()}.
     */
    public synchronized Optional<String> prepareIfDue(long project, boolean idle) {
        Optional<TrainingRun> pending = queuedRun(project);
        if (pending.isPresent()) {
            return pending.map(TrainingRun::version);
        }
        Optional<Project> found = store.projects().find(project);
        Optional<TaskKind> kind = found.flatMap(p -> kinds.named(p.definition().taskType()));
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        Readiness readiness = kind.get().readiness(found.get(), store.annotations().trainingSet(project));
        if (failedWithNothingNew(project)) {
            return Optional.empty();
        }
        Optional<TrainingRun> last = lastReady(project);
        if (last.isPresent() && !registry.manifest(project, last.get().version()).map(kind.get()::trainsLike).orElse(true)) {
            // The backbone was set, changed or removed since: the project is due as if it had no model yet.
            LOG.info("project {}: version {} was not trained the way this backend trains now (FLYWHEEL_BACKBONE); retraining", project,
                    last.get().version());
            last = Optional.empty();
        }
        long changed = store.annotations().countChangedSince(project, last.flatMap(TrainingRun::trainedThroughSequence).orElse(0L));
        int lastSize = last.flatMap(TrainingRun::result).map(RunResult::datasetSize).orElse(0);
        if (!policy.shouldTrain(readiness.tasks(), readiness.classes(), last.isPresent(), changed, lastSize, idle)) {
            return Optional.empty();
        }
        return Optional.of(queue(project));
    }

    /** Queues a run whatever the policy says; empty only for a project Flywheel has never heard of. */
    public synchronized Optional<String> prepare(long project) {
        Optional<TrainingRun> pending = queuedRun(project);
        if (pending.isPresent()) {
            return pending.map(TrainingRun::version);
        }
        if (store.projects().find(project).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(queue(project));
    }

    /** Runs the project's queued run, if any, noting {@code note} on it (e.g. that Label Studio was unreachable). */
    public Optional<ModelManifest> runPending(long project, BooleanSupplier cancelled, Optional<String> note) {
        Optional<TrainingRun> run;
        Optional<String> replacing;
        long startSequence = store.annotations().latestSequence(project);
        synchronized (this) {
            run = queuedRun(project);
            run.ifPresent(r -> store.runs().start(project, r.version(), startSequence));
            // The version this run is meant to replace: if another is active when it finishes, someone chose that one.
            replacing = store.runs().activeVersion(project);
        }
        return run.flatMap(r -> {
            note.ifPresent(text -> store.runs().note(project, r.version(), text));
            return execute(project, r, replacing, cancelled, overtaken(project, startSequence));
        });
    }

    /** Whether a first run is due: no version is active, so the next run is the short first one and starts at once. */
    public boolean untrained(long project) {
        return store.runs().activeVersion(project).isEmpty();
    }

    /**
     * Whether the annotations changed since {@code startSequence} earn the next run, asked at most twice a second (a
     * trainer asks after every epoch, and short epochs come fast).
     */
    private BooleanSupplier overtaken(long project, long startSequence) {
        int datasetSize = store.annotations().trainingSet(project).size();
        long[] lastAsked = {System.nanoTime()};
        boolean[] answer = {false};
        return () -> {
            long now = System.nanoTime();
            if (!answer[0] && now - lastAsked[0] >= 500_000_000L) {
                lastAsked[0] = now;
                answer[0] = policy.overtakes(store.annotations().countChangedSince(project, startSequence), datasetSize);
            }
            return answer[0];
        };
    }

    private Optional<ModelManifest> execute(long project, TrainingRun run, Optional<String> replacing, BooleanSupplier cancelled,
            BooleanSupplier overtaken) {
        String version = run.version();
        Path staging = null;
        try {
            Project found = store.projects().find(project).orElseThrow(() -> new IllegalStateException("project " + project + " is unknown"));
            TaskKind kind = kinds.named(found.definition().taskType()).orElseThrow(() -> new IllegalStateException("project " + project
                    + " is " + found.definition().taskType() + "; Flywheel trains " + kinds.describe()));
            staging = registry.stage(project, version);
            RunRequest request = new RunRequest(found, version, run.parentVersion(), text -> store.runs().note(project, version, text),
                    (epoch, epochs, loss, accuracy) -> progress.report(project, version, new RunProgress(epoch, epochs,
                            Double.isFinite(loss) ? loss : null, Double.isFinite(accuracy) ? accuracy : null)),
                    overtaken);
            ModelManifest manifest = kind.train(request, staging, cancelled);
            publishAndActivate(project, staging, manifest, replacing);
            staging = null;
            return Optional.of(manifest);
        } catch (RuntimeException e) {
            if (staging != null) {
                registry.discard(staging);
            }
            String reason = e instanceof TrainingCancelledException ? "cancelled at shutdown" : RunFailure.describe(e);
            store.runs().fail(project, version, reason);
            if (RunFailure.ours(e)) {
                LOG.warn("project {}: run {} failed: {}", project, version, reason);
            } else {
                // The run record says only "internal error": the log keeps what the library said.
                LOG.warn("project {}: run {} failed", project, version, e);
            }
            return Optional.empty();
        } finally {
            progress.clear(project, version);
        }
    }

    /**
     * Publishes a trained version, records the run's result and makes the version active, unless the active version is
     * no longer the one the run set out to replace: then someone activated another (a rollback) while it trained, and
     * that choice stands. The version is ready either way and can be activated by hand.
     */
    private void publishAndActivate(long project, Path staging, ModelManifest manifest, Optional<String> replacing) {
        Path published = registry.publish(staging, manifest);
        String version = manifest.version();
        String notActivated = "ready but not activated: another version was activated while this run trained"
                + replacing.map(v -> " (it set out to replace " + v + ")").orElse("") + "; activate " + version + " to serve it";
        // Ready and active in one transaction: a kill between the two must not leave a ready version nobody serves.
        boolean activated = store.runs().finishAndActivateIf(project, version,
                new RunResult(manifest.trainedOn(), manifest.datasetSize(), json(manifest.metrics()), published.toString()), replacing,
                notActivated);
        if (activated) {
            active.activated(project);
            LOG.info("project {}: version {} active", project, version);
        } else {
            LOG.info("project {}: version {} ready, not activated: {} was activated while it trained", project, version,
                    store.runs().activeVersion(project).orElse("none"));
        }
    }

    private String queue(long project) {
        String parent = store.runs().activeVersion(project).orElse(null);
        int number = store.runs().list(project).size() + 1;
        String version = "v" + number + "-" + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
        store.runs().queue(project, version, Optional.ofNullable(parent));
        return version;
    }

    private Optional<TrainingRun> queuedRun(long project) {
        return store.runs().list(project).stream().filter(r -> r.status() == ModelStatus.QUEUED).findFirst();
    }

    /**
     * Whether the newest run failed and no annotation changed since it started. The policy does not queue the same run
     * again then: a persistent cause (a full disk, images that cannot be read) would otherwise start a failing run
     * after every failing run. A new annotation or Start Training tries again.
     */
    private boolean failedWithNothingNew(long project) {
        Optional<TrainingRun> newest = store.runs().list(project).stream().findFirst();
        return newest.filter(r -> r.status() == ModelStatus.FAILED)
                .map(r -> store.annotations().countChangedSince(project, r.trainedThroughSequence().orElse(0L)) == 0)
                .orElse(false);
    }

    private Optional<TrainingRun> lastReady(long project) {
        return store.runs().list(project).stream().filter(r -> r.status() == ModelStatus.READY).findFirst();
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
