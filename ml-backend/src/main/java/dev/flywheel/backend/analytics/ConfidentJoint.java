package dev.flywheel.backend.analytics;

import java.util.ArrayList;
import java.util.List;

/**
 * The confident joint of confident learning: counts of examples by given label (row) and confidently predicted
 * label (column), with the per-class thresholds that decided "confident".
 *
 * @param thresholds per class, the mean probability of that class over the examples labelled with it
 * @param counts {@code counts[i][j]}: examples labelled i whose probability of j reaches {@code thresholds[j]}
 *     (argmax among such classes), diagonal raised to at least 1
 * @param calibrated {@code counts} rescaled so each row sums to the number of examples labelled i, rounded so row
 *     totals stay exact; {@code calibrated / n} estimates the joint Q(given, true)
 * @param offDiagonal indices (into the input list) of the examples counted off the diagonal
 */
public record ConfidentJoint(double[] thresholds, long[][] counts, long[][] calibrated, List<Integer> offDiagonal) {

    /** cleanlab subtracts this from thresholds so an example sitting exactly on one counts despite rounding. */
    static final double EPSILON = 1e-6;

    public ConfidentJoint {
        thresholds = thresholds.clone();
        counts = Matrices.copy(counts);
        calibrated = Matrices.copy(calibrated);
        offDiagonal = List.copyOf(offDiagonal);
    }

    /** Estimates the confident joint from out-of-sample predictions that all have the same number of classes. */
    public static ConfidentJoint estimate(List<OutOfSamplePrediction> examples) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no examples");
        }
        int k = examples.getFirst().classes();
        long[] labelCounts = new long[k];
        double[] sums = new double[k];
        for (OutOfSamplePrediction e : examples) {
            if (e.classes() != k) {
                throw new IllegalArgumentException("every example needs " + k + " probabilities");
            }
            labelCounts[e.given()]++;
            sums[e.given()] += e.selfConfidence();
        }
        double[] thresholds = new double[k];
        for (int j = 0; j < k; j++) {
            // A class nobody was given has no threshold to learn; it can never be "confidently" predicted.
            thresholds[j] = labelCounts[j] == 0 ? Double.POSITIVE_INFINITY : sums[j] / labelCounts[j];
        }
        long[][] counts = new long[k][k];
        List<Integer> offDiagonal = new ArrayList<>();
        for (int n = 0; n < examples.size(); n++) {
            OutOfSamplePrediction e = examples.get(n);
            int confident = confidentClass(e, thresholds);
            if (confident >= 0) {
                counts[e.given()][confident]++;
                if (confident != e.given()) {
                    offDiagonal.add(n);
                }
            }
        }
        for (int i = 0; i < k; i++) {
            // As cleanlab: every class keeps at least one correctly labelled example in the estimate.
            counts[i][i] = Math.max(1, counts[i][i]);
        }
        return new ConfidentJoint(thresholds, counts, calibrate(counts, labelCounts), offDiagonal);
    }

    /** The number of classes. */
    public int classes() {
        return thresholds.length;
    }

    /** The class with the largest probability among those at or above their threshold, or -1 if none is. */
    static int confidentClass(OutOfSamplePrediction e, double[] thresholds) {
        int best = -1;
        for (int j = 0; j < thresholds.length; j++) {
            if (e.probability(j) >= thresholds[j] - EPSILON && (best < 0 || e.probability(j) > e.probability(best))) {
                best = j;
            }
        }
        return best;
    }

    /** Scales each row to its label count, then rounds keeping row totals (largest remainders win). */
    static long[][] calibrate(long[][] counts, long[] labelCounts) {
        int k = counts.length;
        long[][] calibrated = new long[k][];
        for (int i = 0; i < k; i++) {
            long rowSum = 0;
            for (long c : counts[i]) {
                rowSum += c;
            }
            double[] scaled = new double[k];
            for (int j = 0; j < k; j++) {
                scaled[j] = (double) counts[i][j] * labelCounts[i] / rowSum;
            }
            calibrated[i] = Matrices.roundKeepingTotal(scaled, labelCounts[i]);
        }
        return calibrated;
    }

    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }

    @Override
    public long[][] counts() {
        return Matrices.copy(counts);
    }

    @Override
    public long[][] calibrated() {
        return Matrices.copy(calibrated);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConfidentJoint that
                && java.util.Arrays.equals(thresholds, that.thresholds)
                && java.util.Arrays.deepEquals(counts, that.counts)
                && java.util.Arrays.deepEquals(calibrated, that.calibrated)
                && offDiagonal.equals(that.offDiagonal);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(java.util.Arrays.hashCode(thresholds), java.util.Arrays.deepHashCode(counts),
                java.util.Arrays.deepHashCode(calibrated), offDiagonal);
    }

    @Override
    public String toString() {
        return "ConfidentJoint[thresholds=" + java.util.Arrays.toString(thresholds) + ", counts="
                + java.util.Arrays.deepToString(counts) + ", calibrated=" + java.util.Arrays.deepToString(calibrated) + "]";
    }
}
