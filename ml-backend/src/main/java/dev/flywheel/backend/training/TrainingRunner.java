package dev.flywheel.backend.training;

import dev.flywheel.model.api.ModelStatus;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.backend.config.DetectorConfig;
import dev.flywheel.backend.inference.BackboneHeadNet;
import dev.flywheel.backend.inference.GridDetectorNet;
import dev.flywheel.backend.inference.ImageTensors;
import dev.flywheel.backend.registry.DriftReferences;
import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.backend.registry.ModelRegistry;
import dev.flywheel.backend.store.FlywheelStore;
import dev.flywheel.backend.store.LabeledAnnotation;
import dev.flywheel.backend.store.Project;
import dev.flywheel.backend.store.RunResult;
import dev.flywheel.backend.store.TrainingRun;
import dev.flywheel.model.api.TaskType;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out one project's training run: records it, assembles the data, trains, evaluates, publishes the version and
 * only then makes it active. A failure leaves the active version as it was.
 */
public final class TrainingRunner {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingRunner.class);

    private final FlywheelStore store;
    private final ModelRegistry registry;
    private final DatasetAssembler assembler;
    private final TrainingPolicy policy;
    private final TrainingSettings settings;
    private final ManifestWriter manifests;
    private final ReferenceRecorder references;
    private final ObjectMapper mapper;
    private final Optional<HeadTraining> heads;
    private final BoxExamples boxExamples;

    public TrainingRunner(FlywheelStore store, ModelRegistry registry, DatasetAssembler assembler, TrainingPolicy policy,
            TrainingSettings settings, ObjectMapper mapper, Clock clock) {
        this(store, registry, assembler, policy, settings, mapper, clock, Optional.empty());
    }

    /** With {@code heads}, classification projects train a head on the operator's backbone instead of the built-in CNN. */
    public TrainingRunner(FlywheelStore store, ModelRegistry registry, DatasetAssembler assembler, TrainingPolicy policy,
            TrainingSettings settings, ObjectMapper mapper, Clock clock, Optional<HeadTraining> heads) {
        this.heads = heads;
        this.store = store;
        this.registry = registry;
        this.assembler = assembler;
        this.policy = policy;
        this.settings = settings;
        this.mapper = mapper;
        this.manifests = new ManifestWriter(settings, clock);
        this.references = new ReferenceRecorder(new DriftReferences(registry, mapper), settings.seed());
        this.boxExamples = new BoxExamples(store, assembler, mapper);
    }

    /** Queues a run when the policy says the project has earned one; the queued version, or empty. */
    public synchronized Optional<String> prepareIfDue(long project) {
        Optional<TrainingRun> pending = queuedRun(project);
        if (pending.isPresent()) {
            return pending.map(TrainingRun::version);
        }
        Optional<Project> found = store.projects().find(project);
        if (found.isEmpty() || !(isClassification(found.get()) || isDetection(found.get()))) {
            return Optional.empty();
        }
        List<LabeledAnnotation> labeled = store.annotations().trainingSet(project);
        int tasks;
        long classes;
        if (isDetection(found.get())) {
            // Labels here are an annotation's box labels. One class is enough for a detector (object or background), so
            // one box label counts as the two classes a classifier needs.
            tasks = (int) labeled.stream().map(LabeledAnnotation::taskId).distinct().count();
            long boxLabels = labeled.stream().flatMap(a -> a.labels().stream()).filter(found.get().labels()::contains).distinct().count();
            classes = boxLabels > 0 ? Math.max(2, boxLabels) : 0;
        } else {
            Map<Long, DatasetAssembler.LabeledTask> perTask = DatasetAssembler.labelPerTask(labeled, found.get().labels());
            tasks = perTask.size();
            classes = perTask.values().stream().map(DatasetAssembler.LabeledTask::label).distinct().count();
        }
        if (failedWithNothingNew(project)) {
            return Optional.empty();
        }
        Optional<TrainingRun> last = lastReady(project);
        if (last.isPresent() && !isDetection(found.get()) && !trainedAsConfigured(project, last.get())) {
            // The backbone was set, changed or removed since: the project is due as if it had no model yet.
            LOG.info("project {}: version {} was not trained the way this backend trains now (FLYWHEEL_BACKBONE); retraining", project,
                    last.get().version());
            last = Optional.empty();
        }
        long changed = store.annotations().countChangedSince(project, last.flatMap(TrainingRun::trainedThroughSequence).orElse(0L));
        int lastSize = last.flatMap(TrainingRun::result).map(RunResult::datasetSize).orElse(0);
        if (!policy.shouldTrain(tasks, (int) classes, last.isPresent(), changed, lastSize)) {
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
        synchronized (this) {
            run = queuedRun(project);
            run.ifPresent(r -> store.runs().start(project, r.version(), store.annotations().latestSequence(project)));
        }
        return run.flatMap(r -> {
            note.ifPresent(text -> store.runs().note(project, r.version(), text));
            return execute(project, r, cancelled);
        });
    }

    private Optional<ModelManifest> execute(long project, TrainingRun run, BooleanSupplier cancelled) {
        String version = run.version();
        Path staging = null;
        try {
            Project found = store.projects().find(project).orElseThrow(() -> new IllegalStateException("project " + project + " is unknown"));
            if (isDetection(found)) {
                staging = registry.stage(project, version);
                return Optional.of(executeDetection(project, run, found, staging, cancelled));
            }
            if (!isClassification(found)) {
                throw new IllegalStateException("project " + project + " is " + found.definition().taskType()
                        + "; only image classification and object detection train");
            }
            List<String> labels = found.labels();
            Map<Long, DatasetAssembler.LabeledTask> perTask = DatasetAssembler.labelPerTask(store.annotations().trainingSet(project), labels);
            if (heads.isPresent()) {
                staging = registry.stage(project, version);
                ModelManifest manifest = heads.get().train(project, version, run.parentVersion(), labels, perTask, staging, cancelled);
                publishAndActivate(project, staging, manifest);
                staging = null;
                LOG.info("project {}: version {} (head on {}) active (accuracy {}, {} training images, {} s)", project, version,
                        manifest.backbone().file(), manifest.metrics().accuracy(), manifest.trainedOn(), Math.round(manifest.trainingSeconds()));
                return Optional.of(manifest);
            }
            long started = System.nanoTime();
            List<Example> examples = assembler.examples(project, perTask.values(), new ImageTensors(settings.inputSize()));
            double assembling = (System.nanoTime() - started) / 1e9;
            long classes = examples.stream().mapToInt(Example::label).distinct().count();
            if (classes < 2) {
                throw new IllegalStateException("training needs images of at least two classes; have " + examples.size() + " images of " + classes);
            }
            staging = registry.stage(project, version);
            TrainingOutcome outcome = new ClassifierTrainer(settings).train(examples, labels.size(), staging, cancelled,
                    warmStart(project, run, labels));
            ModelManifest manifest = manifests.manifest(project, version, run.parentVersion().orElse(null), labels, examples, perTask, outcome);
            long trained = System.nanoTime();
            references.record(staging, manifest, examples);
            publishAndActivate(project, staging, manifest);
            staging = null;
            // Where a run's time goes, for operators asking why a version took as long as it did.
            LOG.info("project {}: version {} active (accuracy {}, {} training images; {} s assembling images, {} s training, {} s"
                    + " drift reference and publishing)", project, version, manifest.metrics().accuracy(), manifest.trainedOn(),
                    String.format(java.util.Locale.ROOT, "%.1f", assembling), String.format(java.util.Locale.ROOT, "%.1f", outcome.seconds()),
                    String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - trained) / 1e9));
            return Optional.of(manifest);
        } catch (RuntimeException e) {
            if (staging != null) {
                registry.discard(staging);
            }
            String reason = e instanceof TrainingCancelledException ? "cancelled at shutdown" : RunFailure.describe(e);
            store.runs().fail(project, version, reason);
            LOG.warn("project {}: run {} failed: {}", project, version, reason);
            return Optional.empty();
        }
    }

    /**
     * Trains the built-in grid detector on the latest annotation's boxes of each annotated task, evaluates it on a
     * hold-out split (mAP@0.5, mAP@0.5:0.95), publishes it and makes it active. No drift reference: it reads classifier
     * embeddings.
     */
    private ModelManifest executeDetection(long project, TrainingRun run, Project found, Path staging, BooleanSupplier cancelled) {
        String version = run.version();
        BoxExamples.Loaded data = boxExamples.load(found, detectorInputSize());
        if (!data.dataset().note().isEmpty()) {
            store.runs().note(project, version, data.dataset().note());
        }
        List<String> labels = data.labels();
        Map<Long, BoxDataset.BoxTask> perTask = data.perTask();
        DetectorTrainer.Settings detector = detectorSettings(perTask.size());
        List<DetectorTrainer.BoxExample> examples = data.examples();
        long boxes = examples.stream().mapToLong(e -> e.boxes().size()).sum();
        if (boxes == 0) {
            throw new IllegalStateException("training a detector needs boxes; have " + examples.size() + " images and none");
        }
        DetectorTrainer.Outcome outcome = new DetectorTrainer(detector).train(examples, labels, staging, cancelled);
        ModelManifest manifest = manifests.detectionManifest(project, version, run.parentVersion().orElse(null), labels, detector, perTask,
                examples.size(), outcome);
        publishAndActivate(project, staging, manifest);
        LOG.info("project {}: detector {} active (mAP@0.5 {}, mAP@0.5:0.95 {}, {} training images, {} boxes, {} s)", project, version,
                manifest.metrics().map50(), manifest.metrics().map50to95(), manifest.trainedOn(), boxes, Math.round(outcome.seconds()));
        return manifest;
    }

    /**
     * The detector's settings from the classifier's: the same input edge rounded up to the grid stride (at least four
     * cells a side), batch, learning rate, hold-out share, seed and image budget; the serving threshold of
     * {@code FLYWHEEL_DETECTOR_SCORE_THRESHOLD}'s default.
     */
    DetectorTrainer.Settings detectorSettings(int tasks) {
        int training = Math.max(1, (int) Math.round(tasks * (1 - settings.holdoutFraction())));
        return new DetectorTrainer.Settings(detectorInputSize(), settings.batchSize(), settings.epochsFor(training), settings.learningRate(),
                settings.holdoutFraction(), DetectorConfig.DEFAULT_SCORE_THRESHOLD, settings.seed());
    }

    /** Publishes a trained version, records the run's result and makes the version active. */
    private void publishAndActivate(long project, Path staging, ModelManifest manifest) {
        Path published = registry.publish(staging, manifest);
        // Ready and active in one transaction: a kill between the two must not leave a ready version nobody serves.
        store.runs().finishAndActivate(project, manifest.version(),
                new RunResult(manifest.trainedOn(), manifest.datasetSize(), json(manifest.metrics()), published.toString()));
    }

    /** Whether a ready version is what a run would train now: a head on the configured backbone, or the built-in CNN. */
    private boolean trainedAsConfigured(long project, TrainingRun ready) {
        return registry.manifest(project, ready.version())
                .map(m -> heads.map(h -> h.trained(m)).orElse(!BackboneHeadNet.ARCHITECTURE.equals(m.architecture())))
                .orElse(true);
    }

    private int detectorInputSize() {
        int stride = GridDetectorNet.STRIDE;
        return Math.max(4 * stride, (settings.inputSize() + stride - 1) / stride * stride);
    }

    /** The parent's folder when its network can seed this run: same architecture, labels and input size. */
    private Optional<Path> warmStart(long project, TrainingRun run, List<String> labels) {
        return run.parentVersion()
                .flatMap(parent -> registry.manifest(project, parent))
                .filter(m -> m.architecture().equals(dev.flywheel.backend.inference.ImageClassifierNet.ARCHITECTURE))
                .filter(m -> m.labels().equals(labels) && m.inputSize() == settings.inputSize())
                .map(m -> registry.versionDir(project, m.version()));
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

    static boolean isClassification(Project project) {
        return TaskType.IMAGE_CLASSIFICATION.name().equalsIgnoreCase(project.definition().taskType())
                || "image_classification".equals(project.definition().taskType());
    }

    private static boolean isDetection(Project project) {
        return TaskType.OBJECT_DETECTION.name().equalsIgnoreCase(project.definition().taskType());
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
