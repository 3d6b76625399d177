package dev.flywheel.backend.training;

import dev.flywheel.backend.analytics.MultiLabelReport;
import dev.flywheel.backend.analytics.ThresholdCalibration;
import dev.flywheel.backend.inference.ImageClassifierNet;
import dev.flywheel.backend.inference.ImageTensors;
import dev.flywheel.backend.inference.LoadedClassifier;
import dev.flywheel.backend.kind.RunRequest;
import dev.flywheel.backend.kind.choices.ChoiceTraining;
import dev.flywheel.backend.registry.DriftReferences;
import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.backend.registry.ModelRegistry;
import dev.flywheel.backend.store.FlywheelStore;
import dev.flywheel.model.api.ClassMetrics;
import dev.flywheel.model.api.EpochMetrics;
import dev.flywheel.model.api.ModelMetrics;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One multi-label run: each task's tags, the images, the built-in CNN with a sigmoid per label warm-started from the
 * parent, per-label thresholds calibrated on the hold-out, its evaluation and drift reference, all written into the
 * staging folder.
 */
public final class TagTraining implements ChoiceTraining {

    private static final Logger LOG = LoggerFactory.getLogger(TagTraining.class);

    private final FlywheelStore store;
    private final ModelRegistry registry;
    private final DatasetAssembler assembler;
    private final TrainingSettings settings;
    private final ReferenceRecorder references;
    private final Clock clock;

    public TagTraining(FlywheelStore store, ModelRegistry registry, DatasetAssembler assembler, TrainingSettings settings,
            DriftReferences references, Clock clock) {
        this.store = store;
        this.registry = registry;
        this.assembler = assembler;
        this.settings = settings;
        this.references = new ReferenceRecorder(references, settings.seed());
        this.clock = clock;
    }

    /** Trains {@code run} into {@code staging}; the manifest records {@code taskType}. */
    @Override
    public ModelManifest train(String taskType, RunRequest run, Path staging, BooleanSupplier cancelled) {
        long started = System.nanoTime();
        long project = run.project().id();
        List<String> labels = run.project().labels();
        Map<Long, TaggedTask> perTask = TaggedTask.perTask(store.annotations().trainingSet(project), labels);
        List<TagTrainer.Tagged> tagged = tagged(project, perTask, labels);
        if (tagged.stream().flatMap(t -> perTask.get(t.example().taskId()).tags().stream()).distinct().count() < 2) {
            throw new IllegalStateException("training needs images with at least two different tags; have " + tagged.size() + " images");
        }
        // Stratified by each task's first tag in label order, which does not change as the project grows.
        HoldoutSplit.Sides<TagTrainer.Tagged> split = HoldoutSplit.split(tagged, t -> t.example().taskId(),
                t -> labels.indexOf(perTask.get(t.example().taskId()).tags().getFirst()), settings.holdoutFraction(), settings.seed());
        TagTrainer.Fitted fitted = new TagTrainer(settings).fit(split.training(), split.holdout(), labels.size(), cancelled,
                warmStart(project, taskType, run.parent(), labels), model -> TrainerLoop.save(model, staging, LoadedClassifier.PARAMS_NAME));
        boolean[][] given = split.holdout().stream().map(t -> perTask.get(t.example().taskId()).given(labels)).toArray(boolean[][]::new);
        double[] thresholds = thresholds(labels.size(), given, fitted.probabilities());
        ModelManifest manifest = manifest(taskType, run, labels, perTask, split, given, thresholds, fitted, (System.nanoTime() - started) / 1e9);
        references.record(staging, manifest, tagged.stream().map(TagTrainer.Tagged::example).toList());
        LOG.info("project {}: version {} trained (micro-F1 {}, mAP {}, {} training images, {} s)", project, run.version(),
                manifest.metrics().microF1(), manifest.metrics().map(), manifest.trainedOn(), Math.round(manifest.trainingSeconds()));
        return manifest;
    }

    /** Prepares the images of the tagged tasks for the next run. */
    @Override
    public void prefetch(long project, List<String> labels) {
        tagged(project, TaggedTask.perTask(store.annotations().trainingSet(project), labels), labels);
    }

    /** Each task's image, loaded (and kept for the next run) by the assembler, with its tags as targets. */
    List<TagTrainer.Tagged> tagged(long project, Map<Long, TaggedTask> perTask, List<String> labels) {
        // The assembler loads images for labelled tasks; the label index it carries is not used here.
        List<DatasetAssembler.LabeledTask> tasks = perTask.values().stream()
                .map(t -> new DatasetAssembler.LabeledTask(t.taskId(), t.annotationId(), t.imageRef(), 0, t.joined()))
                .toList();
        List<TagTrainer.Tagged> tagged = new ArrayList<>();
        for (Example example : assembler.examples(project, tasks, new ImageTensors(settings.inputSize()))) {
            boolean[] given = perTask.get(example.taskId()).given(labels);
            float[] targets = new float[given.length];
            for (int j = 0; j < given.length; j++) {
                targets[j] = given[j] ? 1f : 0f;
            }
            tagged.add(new TagTrainer.Tagged(example, targets));
        }
        return tagged;
    }

    private static double[] thresholds(int labels, boolean[][] given, double[][] probabilities) {
        double[] thresholds = new double[labels];
        for (int j = 0; j < labels; j++) {
            double[] p = new double[given.length];
            boolean[] y = new boolean[given.length];
            for (int i = 0; i < given.length; i++) {
                p[i] = probabilities[i][j];
                y[i] = given[i][j];
            }
            thresholds[j] = ThresholdCalibration.calibrate(p, y);
        }
        return thresholds;
    }

    private ModelManifest manifest(String taskType, RunRequest run, List<String> labels, Map<Long, TaggedTask> perTask,
            HoldoutSplit.Sides<TagTrainer.Tagged> split, boolean[][] given, double[] thresholds, TagTrainer.Fitted fitted, double seconds) {
        List<ModelManifest.TrainingExample> trainingSet = split.training().stream()
                .map(t -> new ModelManifest.TrainingExample(t.example().taskId(), perTask.get(t.example().taskId()).joined()))
                .toList();
        List<ModelManifest.HoldoutPrediction> holdout = new ArrayList<>();
        for (int i = 0; i < split.holdout().size(); i++) {
            TaggedTask task = perTask.get(split.holdout().get(i).example().taskId());
            double[] p = fitted.probabilities()[i];
            holdout.add(new ModelManifest.HoldoutPrediction(task.taskId(), task.joined(), TaggedTask.joined(labels, p, thresholds),
                    Arrays.stream(p).boxed().toList()));
        }
        boolean evaluated = !holdout.isEmpty();
        MultiLabelReport report = MultiLabelReport.of(labels, given, fitted.probabilities(), thresholds);
        ModelMetrics metrics = evaluated
                ? ModelMetrics.multiLabel(report.exactMatch(), report.macroF1(), report.microF1(), report.map())
                : new ModelMetrics(null, null);
        List<ClassMetrics> perClass = evaluated
                ? report.perLabel().stream().map(l -> new ClassMetrics(l.label(), l.precision(), l.recall(), l.f1(), l.support())).toList()
                : List.of();
        Map<String, Double> thresholdMap = new LinkedHashMap<>();
        Map<String, Double> ap = new LinkedHashMap<>();
        for (int j = 0; j < labels.size(); j++) {
            thresholdMap.put(labels.get(j), thresholds[j]);
            double labelAp = report.perLabel().get(j).averagePrecision();
            if (!Double.isNaN(labelAp)) {
                ap.put(labels.get(j), labelAp);
            }
        }
        List<EpochMetrics> history = fitted.history().stream()
                .map(e -> new EpochMetrics(e.epoch(), e.loss(), evaluated ? e.valAccuracy() : null, e.trainSeconds()))
                .toList();
        Map<String, Object> hyperparameters = new LinkedHashMap<>(settings.asMap());
        hyperparameters.put("sampling", "shuffled");
        hyperparameters.put("loss", "sigmoid binary cross-entropy per label");
        return new ModelManifest(run.version(), run.project().id(), run.parent().orElse(null), taskType, ImageClassifierNet.ARCHITECTURE,
                settings.inputSize(), labels, 1.0, hyperparameters, ManifestWriter.fingerprint(trainingSet), trainingSet, perTask.size(), metrics,
                perClass, null, history, holdout, clock.instant().toString(), seconds, null, null,
                new ModelManifest.MultiLabelSummary(thresholdMap, ap));
    }

    /** The parent's folder when its network can seed this run: a version of the same kind, labels and input size. */
    private Optional<Path> warmStart(long project, String taskType, Optional<String> parent, List<String> labels) {
        return parent.flatMap(p -> registry.manifest(project, p))
                .filter(m -> m.taskType().equals(taskType) && m.architecture().equals(ImageClassifierNet.ARCHITECTURE))
                .filter(m -> m.labels().equals(labels) && m.inputSize() == settings.inputSize())
                .map(m -> registry.versionDir(project, m.version()));
    }
}
