package dev.flywheel.backend.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.backend.config.DetectorConfig;
import dev.flywheel.backend.inference.GridDetectorNet;
import dev.flywheel.backend.kind.RunRequest;
import dev.flywheel.backend.labelconfig.ServingTarget;
import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.backend.store.FlywheelStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
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

    public DetectorTraining(FlywheelStore store, DatasetAssembler assembler, TrainingSettings settings, ObjectMapper mapper, Clock clock) {
        this.settings = settings;
        this.manifests = new ManifestWriter(settings, clock);
        this.boxExamples = new BoxExamples(store, assembler, mapper);
    }

    /** Trains {@code run} on the boxes of {@code target}'s control into {@code staging}; the manifest records {@code taskType}. */
    public ModelManifest train(String taskType, RunRequest run, ServingTarget target, Path staging, BooleanSupplier cancelled) {
        long project = run.project().id();
        BoxExamples.Loaded data = boxExamples.load(run.project().id(), target, inputSize());
        if (!data.dataset().note().isEmpty()) {
            run.note().accept(data.dataset().note());
        }
        List<String> labels = data.labels();
        Map<Long, BoxDataset.BoxTask> perTask = data.perTask();
        DetectorTrainer.Settings detector = settings(perTask.size());
        List<DetectorTrainer.BoxExample> examples = data.examples();
        long boxes = examples.stream().mapToLong(e -> e.boxes().size()).sum();
        if (boxes == 0) {
            throw new IllegalStateException("training a detector needs boxes; have " + examples.size() + " images and none");
        }
        DetectorTrainer.Outcome outcome = new DetectorTrainer(detector).train(examples, labels, staging, cancelled);
        ModelManifest manifest = manifests.detectionManifest(taskType, project, run.version(), run.parent().orElse(null), labels, detector,
                perTask, examples.size(), outcome);
        LOG.info("project {}: detector {} trained (mAP@0.5 {}, mAP@0.5:0.95 {}, {} training images, {} boxes, {} s)", project, run.version(),
                manifest.metrics().map50(), manifest.metrics().map50to95(), manifest.trainedOn(), boxes, Math.round(outcome.seconds()));
        return manifest;
    }

    /**
     * The detector's settings from the classifier's: the same input edge rounded up to the grid stride (at least four
     * cells a side), batch, learning rate, hold-out share, seed and image budget; the serving threshold of
     * {@code FLYWHEEL_DETECTOR_SCORE_THRESHOLD}'s default.
     */
    DetectorTrainer.Settings settings(int tasks) {
        int training = Math.max(1, (int) Math.round(tasks * (1 - settings.holdoutFraction())));
        return new DetectorTrainer.Settings(inputSize(), settings.batchSize(), settings.epochsFor(training), settings.learningRate(),
                settings.holdoutFraction(), DetectorConfig.DEFAULT_SCORE_THRESHOLD, settings.seed());
    }

    private int inputSize() {
        int stride = GridDetectorNet.STRIDE;
        return Math.max(4 * stride, (settings.inputSize() + stride - 1) / stride * stride);
    }
}
