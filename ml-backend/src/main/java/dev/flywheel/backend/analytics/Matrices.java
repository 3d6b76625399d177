package dev.flywheel.backend.analytics;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Small array helpers shared by the analytics functions. */
final class Matrices {

    private Matrices() {}

    static long[][] copy(long[][] matrix) {
        return Arrays.stream(matrix).map(long[]::clone).toArray(long[][]::new);
    }

    /**
     * Rounds non-negative values to integers summing to {@code total}: floors first, then the largest fractional
     * parts get the remaining units (ties to the lower index), as cleanlab's {@code round_preserving_row_totals}.
     */
    static long[] roundKeepingTotal(double[] values, long total) {
        long[] rounded = new long[values.length];
        long sum = 0;
        for (int j = 0; j < values.length; j++) {
            rounded[j] = (long) Math.floor(values[j]);
            sum += rounded[j];
        }
        Integer[] byFraction = IntStream.range(0, values.length).boxed()
                .sorted(Comparator.comparingDouble((Integer j) -> -(values[j] - Math.floor(values[j]))))
                .toArray(Integer[]::new);
        for (int r = 0; sum < total && r < byFraction.length; r++, sum++) {
            rounded[byFraction[r]]++;
        }
        return rounded;
    }
}
