package dev.flywheel.backend.training;

import dev.flywheel.backend.analytics.ClassificationReport;
import dev.flywheel.backend.inference.GridDetectorNet;
import dev.flywheel.backend.inference.ImageClassifierNet;
import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.model.api.ClassMetrics;
import dev.flywheel.model.api.Confusion;
import dev.flywheel.model.api.EpochMetrics;
import dev.flywheel.model.api.ModelMetrics;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Writes down what a finished run produced: its data, its hold-out evaluation and its settings. */
final class ManifestWriter {

    private final TrainingSettings settings;
    private final Clock clock;

    ManifestWriter(TrainingSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    ModelManifest manifest(String taskType, long project, String version, String parent, List<String> labels, List<Example> examples,
            Map<Long, DatasetAssembler.LabeledTask> perTask, TrainingOutcome outcome) {
        return classifierManifest(taskType, project, version, parent, labels, examples.size(), perTask, outcome, ImageClassifierNet.ARCHITECTURE,
                settings.inputSize(), settings.asMap(), null);
    }

    /**
     * A classifier's manifest with the evaluation, data and timing of the built-in network's, for another network:
     * e.g. a head on a backbone, which names its own architecture, input size, hyperparameters and backbone.
     */
    ModelManifest classifierManifest(String taskType, long project, String version, String parent, List<String> labels, int datasetSize,
            Map<Long, DatasetAssembler.LabeledTask> perTask, TrainingOutcome outcome, String architecture, int inputSize,
            Map<String, Object> hyperparameters, ModelManifest.BackboneSummary backbone) {
        ClassificationReport report = ClassificationReport.of(labels, outcome.holdoutGiven(), outcome.holdoutPredicted());
        List<ModelManifest.TrainingExample> trainingSet = outcome.trainingTaskIds().stream()
                .map(id -> new ModelManifest.TrainingExample(id, perTask.get(id).label()))
                .toList();
        List<ModelManifest.HoldoutPrediction> holdout = new ArrayList<>();
        for (int i = 0; i < outcome.holdoutTaskIds().size(); i++) {
            holdout.add(new ModelManifest.HoldoutPrediction(outcome.holdoutTaskIds().get(i), labels.get(outcome.holdoutGiven()[i]),
                    labels.get(outcome.holdoutPredicted()[i]), java.util.Arrays.stream(outcome.holdoutProbabilities().get(i)).boxed().toList()));
        }
        boolean evaluated = !holdout.isEmpty();
        ModelMetrics metrics = evaluated ? new ModelMetrics(report.accuracy(), report.macroF1()) : new ModelMetrics(null, null);
        List<ClassMetrics> perClass = evaluated
                ? report.perClass().stream().map(c -> new ClassMetrics(c.label(), c.precision(), c.recall(), c.f1(), c.support())).toList()
                : List.of();
        Confusion confusion = evaluated
                ? new Confusion(labels, report.confusion().stream().map(row -> row.stream().map(Integer::longValue).toList()).toList())
                : null;
        List<EpochMetrics> history = outcome.history().stream()
                .map(e -> new EpochMetrics(e.epoch(), e.loss(), evaluated ? e.valAccuracy() : null,
                        Double.isNaN(e.trainSeconds()) ? null : e.trainSeconds()))
                .toList();
        return new ModelManifest(version, project, parent, taskType, architecture, inputSize, labels, outcome.temperature(),
                hyperparameters, fingerprint(trainingSet), trainingSet, datasetSize, metrics, perClass, confusion, history, holdout,
                clock.instant().toString(), outcome.seconds(), null, backbone);
    }

    /**
     * The manifest of a built-in detector: mAP@0.5 and mAP@0.5:0.95 as its metrics
     * (accuracy and macro-F1 null: a detector has none), per-class AP, precision and recall in its detection block, no
     * confusion matrix and no per-task hold-out predictions. Each training task records its box labels, sorted and
     * comma-joined, so the data fingerprint changes when boxes are added, removed or relabelled.
     */
    ModelManifest detectionManifest(String taskType, long project, String version, String parent, List<String> labels, DetectorTrainer.Settings detector,
            Map<Long, BoxDataset.BoxTask> perTask, int datasetSize, DetectorTrainer.Outcome outcome) {
        List<ModelManifest.TrainingExample> trainingSet = outcome.trainingIds().stream()
                .map(id -> new ModelManifest.TrainingExample(id, perTask.get(id).summary()))
                .toList();
        int holdoutBoxes = outcome.holdoutIds().stream().mapToInt(id -> perTask.get(id).boxes().size()).sum();
        boolean evaluated = holdoutBoxes > 0;
        var report = outcome.holdout();
        ModelMetrics metrics = evaluated ? ModelMetrics.detection(clamp(report.map50()), clamp(report.map50to95())) : new ModelMetrics(null, null);
        ModelManifest.DetectionSummary summary = evaluated
                ? new ModelManifest.DetectionSummary(report.map50(), report.map50to95(), report.perClassAp50(), report.precision(), report.recall(),
                        detector.servingThreshold(), outcome.holdoutIds().size(), holdoutBoxes, boxHoldout(perTask, outcome))
                : null;
        List<EpochMetrics> history = new ArrayList<>();
        for (int i = 0; i < outcome.losses().size(); i++) {
            history.add(new EpochMetrics(i + 1, outcome.losses().get(i), null));
        }
        Map<String, Object> hyperparameters = new java.util.LinkedHashMap<>();
        hyperparameters.put("input_size", detector.inputSize());
        hyperparameters.put("batch_size", detector.batchSize());
        hyperparameters.put("epochs", detector.epochs());
        hyperparameters.put("learning_rate", detector.learningRate());
        hyperparameters.put("holdout_fraction", detector.holdoutFraction());
        hyperparameters.put("serving_threshold", detector.servingThreshold());
        hyperparameters.put("seed", detector.seed());
        hyperparameters.put("optimizer", "adam");
        return new ModelManifest(version, project, parent, taskType, GridDetectorNet.ARCHITECTURE, detector.inputSize(),
                labels, 1.0, hyperparameters, fingerprint(trainingSet), trainingSet, datasetSize, metrics, List.of(), null, history, List.of(),
                clock.instant().toString(), outcome.seconds(), summary);
    }

    private static List<ModelManifest.BoxHoldout> boxHoldout(Map<Long, BoxDataset.BoxTask> perTask, DetectorTrainer.Outcome outcome) {
        return outcome.holdoutIds().stream()
                .map(id -> new ModelManifest.BoxHoldout(id, perTask.get(id).boxes().stream().map(ManifestWriter::box).toList(),
                        outcome.holdoutPredictions().getOrDefault(id, List.of()).stream().map(ManifestWriter::box).toList()))
                .toList();
    }

    private static ModelManifest.Box box(dev.flywheel.backend.analytics.LabeledBox b) {
        return new ModelManifest.Box(b.label(), b.score(), b.left(), b.top(), b.width(), b.height());
    }

    private static double clamp(double ratio) {
        return Double.isFinite(ratio) ? Math.clamp(ratio, 0.0, 1.0) : 0.0;
    }

    /** A hash of the task/label pairs, so two versions trained on the same data are recognisable. */
    static String fingerprint(List<ModelManifest.TrainingExample> trainingSet) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            trainingSet.stream()
                    .sorted(java.util.Comparator.comparingLong(ModelManifest.TrainingExample::taskId))
                    .forEach(e -> digest.update((e.taskId() + ":" + e.label() + "\n").getBytes(StandardCharsets.UTF_8)));
            return "sha256:" + HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
