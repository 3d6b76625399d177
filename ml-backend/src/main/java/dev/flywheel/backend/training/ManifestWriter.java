package dev.flywheel.backend.training;

import dev.flywheel.backend.analytics.ClassificationReport;
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

    ModelManifest manifest(long project, String version, String parent, List<String> labels, List<Example> examples,
            Map<Long, DatasetAssembler.LabeledTask> perTask, TrainingOutcome outcome) {
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
                .map(e -> new EpochMetrics(e.epoch(), e.loss(), evaluated ? e.valAccuracy() : null))
                .toList();
        return new ModelManifest(version, project, parent, "image_classification", ImageClassifierNet.ARCHITECTURE, settings.inputSize(),
                labels, outcome.temperature(), settings.asMap(), fingerprint(trainingSet), trainingSet, examples.size(), metrics,
                perClass, confusion, history, holdout, clock.instant().toString(), outcome.seconds());
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
