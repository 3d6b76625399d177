package dev.flywheel.backend.insights;

import dev.flywheel.backend.analytics.DatasetStats;
import dev.flywheel.backend.analytics.DetectionComparison;
import dev.flywheel.backend.analytics.LabeledBox;
import dev.flywheel.backend.analytics.HoldOutPrediction;
import dev.flywheel.backend.analytics.LearningCurves;
import dev.flywheel.backend.analytics.RunComparison;
import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.backend.registry.ModelRegistry;
import dev.flywheel.backend.store.FlywheelStore;
import dev.flywheel.backend.store.LabeledAnnotation;
import dev.flywheel.backend.store.ServedPrediction;
import dev.flywheel.backend.store.UnknownEntityException;
import dev.flywheel.model.api.BaselineEffort;
import dev.flywheel.model.api.CompareReply;
import dev.flywheel.model.api.FlywheelReply;
import dev.flywheel.model.api.LearningCurve;
import dev.flywheel.model.api.LearningCurvePoint;
import dev.flywheel.model.api.VersionSavings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the versions of a project tell together: the learning curve, a task-by-task comparison of two runs, and how
 * much each version's pre-labels saved the annotators.
 */
public final class RunInsights {

    private final FlywheelStore store;
    private final ModelRegistry registry;

    public RunInsights(FlywheelStore store, ModelRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    public LearningCurve learningCurve(long project) {
        requireProject(project);
        // A classifier's point follows accuracy, a detector's mAP@0.5 (its accuracy is null).
        List<LearningCurvePoint> points = registry.versions(project).stream()
                .filter(m -> m.metrics().accuracy() != null || m.metrics().map50() != null)
                .sorted(Comparator.comparingInt(ModelManifest::trainedOn))
                .map(m -> new LearningCurvePoint(m.version(), m.trainedOn(), m.metrics().accuracy(), m.metrics().macroF1(), m.metrics().map50()))
                .toList();
        return LearningCurves.of(points);
    }

    /** Compares two versions on the hold-out tasks neither trained on, which the hash split makes their shared ones. */
    public CompareReply compare(long project, String base, String candidate) {
        requireProject(project);
        ModelManifest before = manifest(project, base);
        ModelManifest after = manifest(project, candidate);
        if (!before.labels().equals(after.labels())) {
            throw new IncomparableException(base + " and " + candidate + " were trained on different label sets");
        }
        if (before.isDetector() != after.isDetector()) {
            throw new IncomparableException(base + " and " + candidate + " are not both classifiers or both detectors");
        }
        if (after.isDetector()) {
            return compareDetectors(before, after);
        }
        Map<Long, HoldOutPrediction> beforeHoldout = holdout(before);
        Map<Long, HoldOutPrediction> afterHoldout = holdout(after);
        Set<Long> shared = new HashSet<>(beforeHoldout.keySet());
        shared.retainAll(afterHoldout.keySet());
        if (shared.isEmpty()) {
            throw new IncomparableException(base + " and " + candidate + " share no hold-out task to compare them on");
        }
        beforeHoldout.keySet().retainAll(shared);
        afterHoldout.keySet().retainAll(shared);
        return RunComparison.compare(base, candidate, after.labels(), beforeHoldout, afterHoldout, training(before), training(after));
    }

    /**
     * Two detectors on the tasks both held out, scored against the candidate's record of their annotated boxes (the
     * newer labels when the candidate is the newer version), so both sit the same exam.
     */
    private CompareReply compareDetectors(ModelManifest before, ModelManifest after) {
        Map<Long, ModelManifest.BoxHoldout> beforeHoldout = boxHoldout(before);
        Map<Long, ModelManifest.BoxHoldout> afterHoldout = boxHoldout(after);
        Map<Long, List<LabeledBox>> truth = new TreeMap<>();
        Map<Long, List<LabeledBox>> basePredicted = new TreeMap<>();
        Map<Long, List<LabeledBox>> candidatePredicted = new TreeMap<>();
        afterHoldout.forEach((task, held) -> {
            ModelManifest.BoxHoldout other = beforeHoldout.get(task);
            if (other != null) {
                truth.put(task, boxes(task, held.truth()));
                basePredicted.put(task, boxes(task, other.predicted()));
                candidatePredicted.put(task, boxes(task, held.predicted()));
            }
        });
        if (truth.isEmpty()) {
            throw new IncomparableException(before.version() + " and " + after.version() + " share no hold-out task to compare them on");
        }
        return DetectionComparison.compare(before.version(), after.version(), after.labels(), truth, basePredicted, candidatePredicted,
                after.detection().scoreThreshold(), training(before), training(after));
    }

    private static Map<Long, ModelManifest.BoxHoldout> boxHoldout(ModelManifest manifest) {
        Map<Long, ModelManifest.BoxHoldout> map = new LinkedHashMap<>();
        if (manifest.detection() != null) {
            manifest.detection().holdout().forEach(h -> map.put(h.taskId(), h));
        }
        return map;
    }

    private static List<LabeledBox> boxes(long task, List<ModelManifest.Box> boxes) {
        return boxes.stream().map(b -> new LabeledBox(task, b.label(), b.score(), b.x(), b.y(), b.width(), b.height())).toList();
    }

    /** Per version: pre-labels served for tasks people then labeled, and how many they kept as they were. */
    public FlywheelReply flywheel(long project) {
        requireProject(project);
        Map<Long, List<LabeledAnnotation>> annotated = new LinkedHashMap<>();
        for (LabeledAnnotation a : store.annotations().trainingSet(project)) {
            annotated.computeIfAbsent(a.taskId(), k -> new ArrayList<>()).add(a);
        }
        Map<Long, ServedPrediction> served = store.predictions().latestPerTask(project);
        Map<String, Tally> byVersion = new TreeMap<>();
        List<Double> unassistedLeadTimes = new ArrayList<>();
        long unassisted = 0;
        for (Map.Entry<Long, List<LabeledAnnotation>> entry : annotated.entrySet()) {
            ServedPrediction prediction = served.get(entry.getKey());
            if (prediction == null || prediction.labels().isEmpty()) {
                unassisted++;
                entry.getValue().forEach(a -> a.leadTimeSeconds().ifPresent(unassistedLeadTimes::add));
                continue;
            }
            Tally tally = byVersion.computeIfAbsent(prediction.modelVersion(), v -> new Tally());
            for (LabeledAnnotation a : entry.getValue()) {
                tally.prelabeled++;
                if (new HashSet<>(a.labels()).equals(new HashSet<>(prediction.labels()))) {
                    tally.accepted++;
                } else {
                    tally.replaced++;
                }
                a.leadTimeSeconds().ifPresent(tally.leadTimes::add);
            }
        }
        List<VersionSavings> versions = byVersion.entrySet().stream()
                .map(e -> new VersionSavings(e.getKey(), e.getValue().prelabeled, e.getValue().accepted, 0, e.getValue().replaced,
                        (double) e.getValue().accepted / e.getValue().prelabeled, DatasetStats.median(e.getValue().leadTimes)))
                .toList();
        return new FlywheelReply(versions, new BaselineEffort(unassisted, DatasetStats.median(unassistedLeadTimes)));
    }

    private ModelManifest manifest(long project, String version) {
        return registry.manifest(project, version)
                .orElseThrow(() -> new UnknownEntityException("project " + project + " has no ready model version " + version));
    }

    private static Map<Long, HoldOutPrediction> holdout(ModelManifest manifest) {
        Map<Long, HoldOutPrediction> map = new LinkedHashMap<>();
        manifest.holdout().forEach(h -> map.put(h.taskId(), new HoldOutPrediction(h.given(), h.predicted())));
        return map;
    }

    private static Map<Long, String> training(ModelManifest manifest) {
        Map<Long, String> map = new LinkedHashMap<>();
        manifest.trainingSet().forEach(e -> map.put(e.taskId(), e.label()));
        return map;
    }

    private void requireProject(long project) {
        if (store.projects().find(project).isEmpty()) {
            throw new UnknownEntityException("Flywheel has not seen project " + project + " yet");
        }
    }

    /** Counts of one version's pre-labels. */
    private static final class Tally {
        long prelabeled;
        long accepted;
        long replaced;
        final List<Double> leadTimes = new ArrayList<>();
    }
}
