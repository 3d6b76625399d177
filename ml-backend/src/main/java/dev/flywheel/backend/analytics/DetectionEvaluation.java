package dev.flywheel.backend.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * COCO-style evaluation of predicted boxes against annotated ones: per-class average precision (101-point
 * interpolation of the precision envelope), mAP@0.5, mAP@0.5:0.95, and precision and recall at a serving threshold.
 *
 * <p>A prediction is a true positive when it overlaps a not yet matched annotated box of its task and label by at
 * least the IoU threshold, predictions taken most confident first; the best-overlapping box is the one matched.
 * Labels without annotated boxes are left out of the means; a label with boxes but no predictions has AP 0.
 */
public final class DetectionEvaluation {

    private static final double[] COCO_THRESHOLDS = {0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95};

    private DetectionEvaluation() {}

    /** The figures of one evaluation; {@code perClassAp50} in label order. */
    public record Report(double map50, double map50to95, Map<String, Double> perClassAp50, double precision, double recall) {

        public Report {
            perClassAp50 = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(perClassAp50));
        }
    }

    /** Evaluates {@code predicted} against {@code truth}; precision and recall count predictions at or above {@code servingThreshold}. */
    public static Report evaluate(List<LabeledBox> truth, List<LabeledBox> predicted, double servingThreshold) {
        TreeSet<String> labels = new TreeSet<>();
        truth.forEach(b -> labels.add(b.label()));
        Map<String, Double> ap50 = new LinkedHashMap<>();
        double sum50 = 0;
        double sumAll = 0;
        for (String label : labels) {
            List<LabeledBox> t = truth.stream().filter(b -> b.label().equals(label)).toList();
            List<LabeledBox> p = predicted.stream().filter(b -> b.label().equals(label)).toList();
            double ap = averagePrecision(t, p, 0.5);
            ap50.put(label, ap);
            sum50 += ap;
            for (double threshold : COCO_THRESHOLDS) {
                sumAll += threshold == 0.5 ? ap : averagePrecision(t, p, threshold);
            }
        }
        int n = labels.size();
        List<LabeledBox> served = predicted.stream().filter(b -> b.score() >= servingThreshold).toList();
        int truePositives = 0;
        for (String label : labels) {
            truePositives += countTruePositives(
                    truth.stream().filter(b -> b.label().equals(label)).toList(),
                    served.stream().filter(b -> b.label().equals(label)).toList(), 0.5);
        }
        double precision = served.isEmpty() ? 0 : (double) truePositives / served.size();
        double recall = truth.isEmpty() ? 0 : (double) truePositives / truth.size();
        return new Report(n == 0 ? 0 : sum50 / n, n == 0 ? 0 : sumAll / (n * COCO_THRESHOLDS.length), ap50, precision, recall);
    }

    /** Average precision of one label's predictions against its annotated boxes at one IoU threshold. */
    public static double averagePrecision(List<LabeledBox> truth, List<LabeledBox> predicted, double iouThreshold) {
        if (truth.isEmpty()) {
            return 0;
        }
        boolean[] hits = matches(truth, predicted, iouThreshold);
        int count = hits.length;
        double[] precision = new double[count];
        double[] recall = new double[count];
        int tp = 0;
        for (int i = 0; i < count; i++) {
            tp += hits[i] ? 1 : 0;
            precision[i] = (double) tp / (i + 1);
            recall[i] = (double) tp / truth.size();
        }
        for (int i = count - 2; i >= 0; i--) {
            precision[i] = Math.max(precision[i], precision[i + 1]);
        }
        double sum = 0;
        int at = 0;
        for (int k = 0; k <= 100; k++) {
            double r = k / 100.0;
            while (at < count && recall[at] < r - 1e-12) {
                at++;
            }
            sum += at < count ? precision[at] : 0;
        }
        return sum / 101;
    }

    /** Predictions (as given, no threshold applied) that match an annotated box of their label at {@code iouThreshold}. */
    static int countTruePositives(List<LabeledBox> truth, List<LabeledBox> predicted, double iouThreshold) {
        int tp = 0;
        for (boolean hit : matches(truth, predicted, iouThreshold)) {
            tp += hit ? 1 : 0;
        }
        return tp;
    }

    /** Whether each prediction, most confident first, is a true positive. */
    private static boolean[] matches(List<LabeledBox> truth, List<LabeledBox> predicted, double iouThreshold) {
        List<LabeledBox> sorted = new ArrayList<>(predicted);
        sorted.sort(Comparator.comparingDouble(LabeledBox::score).reversed());
        Map<Long, List<LabeledBox>> open = new HashMap<>();
        truth.forEach(b -> open.computeIfAbsent(b.taskId(), k -> new ArrayList<>()).add(b));
        boolean[] hits = new boolean[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            LabeledBox guess = sorted.get(i);
            List<LabeledBox> candidates = open.getOrDefault(guess.taskId(), List.of());
            LabeledBox best = null;
            double bestIou = iouThreshold;
            for (LabeledBox box : candidates) {
                double iou = guess.iou(box);
                if (iou >= bestIou) {
                    best = box;
                    bestIou = iou;
                }
            }
            if (best != null) {
                candidates.remove(best);
                hits[i] = true;
            }
        }
        return hits;
    }
}
