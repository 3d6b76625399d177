package dev.flywheel.backend.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.backend.config.DetectorConfig;
import dev.flywheel.backend.inference.GridDetectorNet;
import dev.flywheel.backend.kind.RunRequest;
import dev.flywheel.backend.labelconfig.ServingTarget;
import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.backend.registry.ModelRegistry;
import dev.flywheel.backend.store.FlywheelStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the built-in grid detector: the latest annotation's boxes of each annotated task, trained and evaluated
 * on a hold-out split (mAP@0.5, mAP@0.5:0.95). No drift reference: drift reads classifier embeddings.
 */
public final class DetectorTraining {

    private static final Logger LOG = LoggerFactory.getLogger(DetectorTraining.class);

    private final TrainingSettings settings;
    private final ManifestWriter manifests;
    private final BoxExamples boxExamples;
    private final ModelRegistry registry;

    /** Runs warm-start from the parent version in {@code registry} when it fits. */
    public DetectorTraining(FlywheelStore store, ModelRegistry registry, DatasetAssembler assembler, TrainingSettings settings, ObjectMapper mapper,
            Clock clock) {
        this.registry = registry;
        this.settings = settings;
        this.manifests = new ManifestWriter(settings, clock);
        this.boxExamples = new BoxExamples(store, assembler, mapper);
    }

    /** Trains {@code run} on the boxes of {@code target}'s control into {@code staging}; the manifest records {@code taskType}. */
    public ModelManifest train(String taskType, RunRequest run, ServingTarget target, Path staging, BooleanSupplier cancelled) {
        long project = run.project().id();
        BoxExamples.Loaded data = boxExamples.loadPlanned(run.project().id(), target);
        if (!data.dataset().note().isEmpty()) {
            run.note().accept(data.dataset().note());
        }
        List<String> labels = data.labels();
        Map<Long, BoxDataset.BoxTask> perTask = data.perTask();
        DetectorTrainer.Settings detector = settings(data.inputSize(), perTask.size(), run.first());
        List<DetectorTrainer.BoxExample> examples = data.examples();
        long boxes = examples.stream().mapToLong(e -> e.boxes().size()).sum();
        if (boxes == 0) {
            throw new IllegalStateException("training a detector needs boxes; have " + examples.size() + " images and none");
        }
        DetectorTrainer.Outcome outcome = new DetectorTrainer(detector).train(examples, labels, staging, cancelled,
                warmStart(project, run.parent(), labels, detector.inputSize()), run.overtaken());
        ModelManifest manifest = manifests.detectionManifest(taskType, project, run.version(), run.parent().orElse(null), labels, detector,
                perTask, examples.size(), outcome);
        LOG.info("project {}: detector {} trained at {} px (mAP@0.5 {}, mAP@0.5:0.95 {}, {} training images, {} boxes, {} of {} epochs, {} s)",
                project, run.version(), detector.inputSize(), manifest.metrics().map50(), manifest.metrics().map50to95(), manifest.trainedOn(),
                boxes, outcome.losses().size(), detector.epochs(), Math.round(outcome.seconds()));
        return manifest;
    }

    /**
     * The detector's settings: input edge and epochs from {@link DetectorPlan} (the data's box and image sizes, a budget
     * of input pixels), the classifier's batch, learning rate, hold-out share and seed, and the serving threshold of
     * {@code FLYWHEEL_DETECTOR_SCORE_THRESHOLD}'s default.
     */
    DetectorTrainer.Settings settings(int inputSize, int tasks, boolean firstRun) {
        int training = Math.max(1, (int) Math.round(tasks * (1 - settings.holdoutFraction())));
        DetectorPlan plan = DetectorPlan.of(inputSize, training, firstRun);
        return new DetectorTrainer.Settings(plan.inputSize(), DETECTOR_BATCH, plan.epochs(), settings.learningRate(), settings.holdoutFraction(),
                DetectorConfig.DEFAULT_SCORE_THRESHOLD, settings.seed());
    }

    /** Batches of 16: the detector's images are larger than the classifier's, and more steps per epoch help its short runs. */
    private static final int DETECTOR_BATCH = 16;

    /** The parent's folder when it can seed this run: the same detector, labels and input edge, and not a short first run. */
    private Optional<Path> warmStart(long project, Optional<String> parent, List<String> labels, int inputSize) {
        return parent.flatMap(p -> registry.manifest(project, p))
                .filter(m -> m.parent() != null)
                .filter(m -> m.architecture().equals(GridDetectorNet.ARCHITECTURE))
                .filter(m -> m.labels().equals(labels) && m.inputSize() == inputSize)
                .map(m -> registry.versionDir(project, m.version()));
    }
}
