package dev.flywheel.backend.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ThresholdCalibrationTest {

    @Test
    void aLabelWhoseTagsAllScoreLowGetsTheThresholdThatSeparatesThem() {
        // The model is shy about this tag: every task with it scores 0.3-0.4, every task without it under 0.2.
        double[] p = {0.30, 0.35, 0.40, 0.32, 0.05, 0.10, 0.15, 0.12, 0.08};
        boolean[] given = {true, true, true, true, false, false, false, false, false};

        double threshold = ThresholdCalibration.calibrate(p, given);

        assertThat(threshold).isGreaterThan(0.15).isLessThanOrEqualTo(0.30);
        assertThat(MultiLabelReport.of(java.util.List.of("t"), column(given), column(p), new double[] {threshold}).microF1()).isEqualTo(1.0);
    }

    @Test
    void aSeparableLabelKeepsTheDecisionPointNearestOneHalf() {
        double[] p = {0.9, 0.8, 0.95, 0.1, 0.2, 0.05};
        boolean[] given = {true, true, true, false, false, false};

        assertThat(ThresholdCalibration.calibrate(p, given)).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void tooFewTasksWithTheTagKeepTheDefault() {
        double[] p = {0.3, 0.35, 0.1, 0.1, 0.1, 0.1};
        boolean[] given = {true, true, false, false, false, false};

        assertThat(ThresholdCalibration.calibrate(p, given)).isEqualTo(ThresholdCalibration.DEFAULT);
    }

    @Test
    void aNoisyLabelGetsTheThresholdWithTheBestF1OnItsExamples() {
        // Positives at 0.6-0.7 and one at 0.45; negatives at 0.3 and one at 0.65. From 0.45 up to 0.6: 4 TP, 1 FP, 0 FN
        // (F1 0.889); above 0.6 recall falls.
        double[] p = {0.60, 0.65, 0.70, 0.45, 0.30, 0.30, 0.30, 0.65};
        boolean[] given = {true, true, true, true, false, false, false, false};

        double threshold = ThresholdCalibration.calibrate(p, given);

        assertThat(threshold).isBetween(0.35, 0.45);
    }

    private static boolean[][] column(boolean[] values) {
        boolean[][] rows = new boolean[values.length][1];
        for (int i = 0; i < values.length; i++) {
            rows[i][0] = values[i];
        }
        return rows;
    }

    private static double[][] column(double[] values) {
        double[][] rows = new double[values.length][1];
        for (int i = 0; i < values.length; i++) {
            rows[i][0] = values[i];
        }
        return rows;
    }
}
