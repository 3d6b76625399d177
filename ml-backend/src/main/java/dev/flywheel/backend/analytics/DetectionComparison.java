package dev.flywheel.backend.analytics;

import dev.flywheel.model.api.ChangedTasks;
import dev.flywheel.model.api.ClassApDelta;
import dev.flywheel.model.api.CompareReply;
import dev.flywheel.model.api.MetricDelta;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares two detector versions on the hold-out tasks both held out, against one set of annotated boxes: mAP@0.5,
 * mAP@0.5:0.95, precision and recall at the serving threshold, AP@0.5 per label, and the tasks one got entirely right
 * and the other not.
 */
public final class DetectionComparison {

    private DetectionComparison() {}

    /**
     * Builds the comparison reply.
     *
     * @param labels the labels both versions detect, in the order of the per-class list
     * @param truth annotated boxes of the shared hold-out tasks (the exam both versions sit)
     * @param basePredicted the base version's predicted boxes of exactly those tasks
     * @param candidatePredicted the candidate's, of the same tasks
     * @param servingThreshold score from which a prediction counts as served, for precision, recall and changed tasks
     * @param baseTraining the base version's training labels by task id
     * @param candidateTraining the candidate's
     */
    public static CompareReply compare(String base, String candidate, List<String> labels, Map<Long, List<LabeledBox>> truth,
            Map<Long, List<LabeledBox>> basePredicted, Map<Long, List<LabeledBox>> candidatePredicted, double servingThreshold,
            Map<Long, String> baseTraining, Map<Long, String> candidateTraining) {
        if (!basePredicted.keySet().equals(truth.keySet()) || !candidatePredicted.keySet().equals(truth.keySet())) {
            throw new IllegalArgumentException("the versions were evaluated on different hold-out tasks");
        }
        List<LabeledBox> exam = flatten(truth);
        DetectionEvaluation.Report before = DetectionEvaluation.evaluate(exam, flatten(basePredicted), servingThreshold);
        DetectionEvaluation.Report after = DetectionEvaluation.evaluate(exam, flatten(candidatePredicted), servingThreshold);
        List<MetricDelta> metrics = List.of(
                delta("map50", before.map50(), after.map50()),
                delta("map50_95", before.map50to95(), after.map50to95()),
                delta("precision", before.precision(), after.precision()),
                delta("recall", before.recall(), after.recall()));
        List<ClassApDelta> perClass = new ArrayList<>();
        for (String label : labels) {
            Double ap0 = before.perClassAp50().get(label);
            Double ap1 = after.perClassAp50().get(label);
            if (ap0 != null && ap1 != null) {
                perClass.add(new ClassApDelta(label, ap0, ap1, ap1 - ap0));
            }
        }
        return new CompareReply(base, candidate, metrics, List.of(), null, null,
                changed(truth, basePredicted, candidatePredicted, servingThreshold),
                RunComparison.dataDiff(baseTraining, candidateTraining), perClass);
    }

    /** Tasks whose served boxes base got wrong and candidate entirely right (fixed), and the reverse (broken). */
    static ChangedTasks changed(Map<Long, List<LabeledBox>> truth, Map<Long, List<LabeledBox>> base, Map<Long, List<LabeledBox>> candidate,
            double servingThreshold) {
        List<Long> fixed = new ArrayList<>();
        List<Long> broken = new ArrayList<>();
        new TreeMap<>(truth).forEach((task, boxes) -> {
            boolean before = entirelyRight(boxes, base.get(task), servingThreshold);
            boolean after = entirelyRight(boxes, candidate.get(task), servingThreshold);
            if (!before && after) {
                fixed.add(task);
            } else if (before && !after) {
                broken.add(task);
            }
        });
        return new ChangedTasks(fixed, broken);
    }

    /** Every annotated box found with its label at IoU 0.5, and no other box served. */
    static boolean entirelyRight(List<LabeledBox> truth, List<LabeledBox> predicted, double servingThreshold) {
        List<LabeledBox> served = predicted.stream().filter(b -> b.score() >= servingThreshold).toList();
        if (served.size() != truth.size()) {
            return false;
        }
        int found = 0;
        for (String label : truth.stream().map(LabeledBox::label).distinct().toList()) {
            found += DetectionEvaluation.countTruePositives(truth.stream().filter(b -> b.label().equals(label)).toList(),
                    served.stream().filter(b -> b.label().equals(label)).toList(), 0.5);
        }
        return found == truth.size();
    }

    private static List<LabeledBox> flatten(Map<Long, List<LabeledBox>> perTask) {
        return perTask.values().stream().flatMap(List::stream).toList();
    }

    private static MetricDelta delta(String name, double before, double after) {
        return new MetricDelta(name, before, after, after - before);
    }
}
