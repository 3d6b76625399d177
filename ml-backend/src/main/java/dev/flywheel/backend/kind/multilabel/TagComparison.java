package dev.flywheel.backend.kind.multilabel;

import dev.flywheel.backend.analytics.HoldOutPrediction;
import dev.flywheel.backend.analytics.MultiLabelReport;
import dev.flywheel.backend.analytics.RunComparison;
import dev.flywheel.backend.insights.IncomparableException;
import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.backend.training.TaggedTask;
import dev.flywheel.model.api.ClassF1Delta;
import dev.flywheel.model.api.CompareReply;
import dev.flywheel.model.api.MetricDelta;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two multi-label versions on the hold-out tasks both kept out, each at its own thresholds and both against the
 * candidate's record of the tags (the newer labels when the candidate is the newer version): micro- and macro-F1, mAP
 * and exact match side by side, per-label F1, and the tasks whose whole tag set one got right and the other wrong.
 */
final class TagComparison {

    private TagComparison() {}

    static CompareReply compare(ModelManifest before, ModelManifest after) {
        Map<Long, ModelManifest.HoldoutPrediction> beforeHoldout = holdout(before);
        Map<Long, ModelManifest.HoldoutPrediction> afterHoldout = holdout(after);
        afterHoldout.keySet().retainAll(beforeHoldout.keySet());
        if (afterHoldout.isEmpty()) {
            throw new IncomparableException(before.version() + " and " + after.version() + " share no hold-out task to compare them on");
        }
        List<String> labels = after.labels();
        List<Long> shared = new ArrayList<>(afterHoldout.keySet());
        boolean[][] truth = shared.stream().map(t -> TaggedTask.parse(afterHoldout.get(t).given(), labels)).toArray(boolean[][]::new);
        MultiLabelReport base = report(before, shared, beforeHoldout, truth);
        MultiLabelReport candidate = report(after, shared, afterHoldout, truth);
        List<MetricDelta> metrics = List.of(delta("micro_f1", base.microF1(), candidate.microF1()),
                delta("macro_f1", base.macroF1(), candidate.macroF1()), delta("map", base.map(), candidate.map()),
                delta("accuracy", base.exactMatch(), candidate.exactMatch()));
        List<ClassF1Delta> perClass = new ArrayList<>();
        for (int j = 0; j < labels.size(); j++) {
            double b = base.perLabel().get(j).f1();
            double c = candidate.perLabel().get(j).f1();
            perClass.add(new ClassF1Delta(labels.get(j), b, c, c - b));
        }
        Map<Long, HoldOutPrediction> baseSets = new LinkedHashMap<>();
        Map<Long, HoldOutPrediction> candidateSets = new LinkedHashMap<>();
        shared.forEach(task -> {
            String given = afterHoldout.get(task).given();
            baseSets.put(task, new HoldOutPrediction(given, beforeHoldout.get(task).predicted()));
            candidateSets.put(task, new HoldOutPrediction(given, afterHoldout.get(task).predicted()));
        });
        return new CompareReply(before.version(), after.version(), metrics, perClass, null, null, RunComparison.changed(baseSets, candidateSets),
                RunComparison.dataDiff(before.trainingLabels(), after.trainingLabels()));
    }

    private static MultiLabelReport report(ModelManifest version, List<Long> tasks, Map<Long, ModelManifest.HoldoutPrediction> holdout,
            boolean[][] truth) {
        double[][] probabilities = tasks.stream()
                .map(t -> holdout.get(t).probabilities().stream().mapToDouble(Double::doubleValue).toArray())
                .toArray(double[][]::new);
        return MultiLabelReport.of(version.labels(), truth, probabilities, TaggerVersion.thresholds(version));
    }

    private static MetricDelta delta(String name, double base, double candidate) {
        return new MetricDelta(name, base, candidate, candidate - base);
    }

    private static Map<Long, ModelManifest.HoldoutPrediction> holdout(ModelManifest manifest) {
        Map<Long, ModelManifest.HoldoutPrediction> map = new LinkedHashMap<>();
        manifest.holdout().forEach(h -> map.put(h.taskId(), h));
        return map;
    }
}
