package dev.flywheel.backend.analytics;

import dev.flywheel.model.api.ChangedTasks;
import dev.flywheel.model.api.ClassF1Delta;
import dev.flywheel.model.api.CompareReply;
import dev.flywheel.model.api.Confusion;
import dev.flywheel.model.api.DataDiff;
import dev.flywheel.model.api.MetricDelta;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Compares two versions on one hold-out set and their training data, for the compare endpoint. */
public final class RunComparison {

    private RunComparison() {}

    /**
     * Builds the comparison reply.
     *
     * @param labels label values, in the order of the confusion matrices
     * @param baseHoldOut the base version's hold-out predictions by task id
     * @param candidateHoldOut the candidate's, on exactly the same task ids; otherwise the metrics would compare
     *     different exams and the fixed/broken lists would be meaningless
     * @param baseTraining the base version's training labels by task id
     * @param candidateTraining the candidate's
     */
    public static CompareReply compare(String base, String candidate, List<String> labels,
            Map<Long, HoldOutPrediction> baseHoldOut, Map<Long, HoldOutPrediction> candidateHoldOut,
            Map<Long, String> baseTraining, Map<Long, String> candidateTraining) {
        if (!baseHoldOut.keySet().equals(candidateHoldOut.keySet())) {
            throw new IllegalArgumentException("the versions were evaluated on different hold-out tasks");
        }
        ClassificationReport before = report(labels, baseHoldOut);
        ClassificationReport after = report(labels, candidateHoldOut);
        List<MetricDelta> metrics = List.of(
                delta("accuracy", before.accuracy(), after.accuracy()),
                delta("macro_f1", before.macroF1(), after.macroF1()));
        List<ClassF1Delta> perClass = new ArrayList<>();
        for (int c = 0; c < labels.size(); c++) {
            double f1Before = before.perClass().get(c).f1();
            double f1After = after.perClass().get(c).f1();
            perClass.add(new ClassF1Delta(labels.get(c), f1Before, f1After, f1After - f1Before));
        }
        return new CompareReply(base, candidate, metrics, perClass, confusion(labels, before), confusion(labels, after),
                changed(baseHoldOut, candidateHoldOut), dataDiff(baseTraining, candidateTraining));
    }

    /** Hold-out tasks wrong in base and right in candidate (fixed), and the reverse (broken), by ascending id. */
    public static ChangedTasks changed(Map<Long, HoldOutPrediction> base, Map<Long, HoldOutPrediction> candidate) {
        List<Long> fixed = new ArrayList<>();
        List<Long> broken = new ArrayList<>();
        new TreeMap<>(base).forEach((task, before) -> {
            HoldOutPrediction after = candidate.get(task);
            if (after == null) {
                return;
            }
            if (!before.correct() && after.correct()) {
                fixed.add(task);
            } else if (before.correct() && !after.correct()) {
                broken.add(task);
            }
        });
        return new ChangedTasks(fixed, broken);
    }

    /** Tasks only in the candidate's training set, only in the base's, and in both with a different label. */
    public static DataDiff dataDiff(Map<Long, String> base, Map<Long, String> candidate) {
        long added = candidate.keySet().stream().filter(task -> !base.containsKey(task)).count();
        long removed = base.keySet().stream().filter(task -> !candidate.containsKey(task)).count();
        long relabeled = candidate.entrySet().stream()
                .filter(e -> base.containsKey(e.getKey()) && !Objects.equals(base.get(e.getKey()), e.getValue()))
                .count();
        return new DataDiff(added, removed, relabeled);
    }

    private static ClassificationReport report(List<String> labels, Map<Long, HoldOutPrediction> holdOut) {
        Map<String, Integer> index = new java.util.HashMap<>();
        for (int c = 0; c < labels.size(); c++) {
            index.put(labels.get(c), c);
        }
        int[] given = new int[holdOut.size()];
        int[] predicted = new int[holdOut.size()];
        int i = 0;
        for (HoldOutPrediction p : new TreeMap<>(holdOut).values()) {
            given[i] = indexOf(index, p.given());
            predicted[i] = indexOf(index, p.predicted());
            i++;
        }
        return ClassificationReport.of(labels, given, predicted);
    }

    private static int indexOf(Map<String, Integer> index, String label) {
        Integer c = index.get(label);
        if (c == null) {
            throw new IllegalArgumentException("label '" + label + "' is not one of the compared labels");
        }
        return c;
    }

    private static MetricDelta delta(String name, double before, double after) {
        return new MetricDelta(name, before, after, after - before);
    }

    private static Confusion confusion(List<String> labels, ClassificationReport report) {
        return new Confusion(labels, report.confusion().stream()
                .map(row -> row.stream().map(Integer::longValue).toList())
                .toList());
    }
}
