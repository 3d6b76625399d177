package dev.flywheel.backend.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * How a multi-label classifier did on labelled tasks: per label precision, recall, F1 and average precision; micro-F1
 * over every (task, label) decision, macro-F1 and mAP over the labels the tasks have, and the share of tasks whose
 * whole tag set was right (exact match).
 *
 * @param perLabel one entry per label, in label order
 * @param microF1 F1 of all (task, label) decisions pooled
 * @param macroF1 mean F1 of the labels with support
 * @param map mean average precision of the labels with support
 * @param exactMatch share of tasks whose predicted tags equal their given tags
 */
public record MultiLabelReport(List<LabelStats> perLabel, double microF1, double macroF1, double map, double exactMatch) {

    public MultiLabelReport {
        perLabel = List.copyOf(perLabel);
    }

    /**
     * One label's figures; precision, recall and F1 are 0 where undefined (nothing predicted or given), as scikit-learn's
     * {@code zero_division=0}.
     *
     * @param averagePrecision the mean precision at each given task in the ranking by probability; NaN without support
     */
    public record LabelStats(String label, double precision, double recall, double f1, long support, double averagePrecision) {

        public LabelStats {
            Objects.requireNonNull(label, "label");
        }
    }

    /**
     * The report of {@code probabilities} against {@code given}, a tag proposed where its probability reaches its label's
     * threshold.
     *
     * @param given per task, per label whether the task has the tag
     * @param probabilities per task, per label the model's probability of the tag
     * @param thresholds per label
     */
    public static MultiLabelReport of(List<String> labels, boolean[][] given, double[][] probabilities, double[] thresholds) {
        int n = given.length;
        int k = labels.size();
        if (probabilities.length != n || thresholds.length != k) {
            throw new IllegalArgumentException("given, probabilities and thresholds do not line up");
        }
        List<LabelStats> perLabel = new ArrayList<>(k);
        long tpAll = 0;
        long fpAll = 0;
        long fnAll = 0;
        double f1Sum = 0;
        double apSum = 0;
        int supported = 0;
        for (int j = 0; j < k; j++) {
            long tp = 0;
            long fp = 0;
            long fn = 0;
            boolean[] truth = new boolean[n];
            double[] scores = new double[n];
            for (int i = 0; i < n; i++) {
                truth[i] = given[i][j];
                scores[i] = probabilities[i][j];
                boolean predicted = scores[i] >= thresholds[j];
                tp += predicted && truth[i] ? 1 : 0;
                fp += predicted && !truth[i] ? 1 : 0;
                fn += !predicted && truth[i] ? 1 : 0;
            }
            tpAll += tp;
            fpAll += fp;
            fnAll += fn;
            double f1 = f1(tp, fp, fn);
            double ap = averagePrecision(truth, scores);
            long support = tp + fn;
            if (support > 0) {
                supported++;
                f1Sum += f1;
                apSum += ap;
            }
            perLabel.add(new LabelStats(labels.get(j), ratio(tp, tp + fp), ratio(tp, support), f1, support, ap));
        }
        int exact = 0;
        for (int i = 0; i < n; i++) {
            boolean same = true;
            for (int j = 0; j < k && same; j++) {
                same = given[i][j] == (probabilities[i][j] >= thresholds[j]);
            }
            exact += same ? 1 : 0;
        }
        return new MultiLabelReport(perLabel, f1(tpAll, fpAll, fnAll), supported == 0 ? 0 : f1Sum / supported,
                supported == 0 ? 0 : apSum / supported, n == 0 ? 0 : (double) exact / n);
    }

    /**
     * Average precision of a ranking, as scikit-learn's {@code average_precision_score}: the precision at each given
     * task, ranked by descending score, averaged; tied scores are taken together. NaN when no task has the label.
     */
    public static double averagePrecision(boolean[] truth, double[] scores) {
        Integer[] order = new Integer[truth.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        long positives = 0;
        for (boolean t : truth) {
            positives += t ? 1 : 0;
        }
        if (positives == 0) {
            return Double.NaN;
        }
        double sum = 0;
        long tp = 0;
        long seen = 0;
        for (int from = 0; from < order.length; ) {
            int to = from;
            long tiedPositives = 0;
            while (to < order.length && scores[order[to]] == scores[order[from]]) {
                tiedPositives += truth[order[to]] ? 1 : 0;
                to++;
            }
            tp += tiedPositives;
            seen += to - from;
            sum += tiedPositives * ((double) tp / seen);
            from = to;
        }
        return sum / positives;
    }

    /** F1 from counts; 0 when there is nothing to be right about. */
    static double f1(long tp, long fp, long fn) {
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }
}
