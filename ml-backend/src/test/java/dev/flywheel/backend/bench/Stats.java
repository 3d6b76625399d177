package dev.flywheel.backend.bench;

import java.util.Arrays;
import java.util.List;

/** Percentiles of measured samples (nearest rank). */
final class Stats {

    private Stats() {}

    static double percentile(List<Double> samples, double p) {
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double millis(long nanos) {
        return nanos / 1e6;
    }
}
