package dev.flywheel.backend.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class DetectionEvaluationTest {

    private static LabeledBox guess(long task, String label, double score, double left, double top) {
        return new LabeledBox(task, label, score, left, top, 10, 10);
    }

    @Test
    void perfectPredictionsScoreOneAtEveryThreshold() {
        List<LabeledBox> truth = List.of(LabeledBox.truth(1, "car", 0, 0, 10, 10), LabeledBox.truth(2, "person", 5, 5, 10, 10));
        List<LabeledBox> predicted = List.of(guess(1, "car", 0.9, 0, 0), guess(2, "person", 0.8, 5, 5));

        DetectionEvaluation.Report report = DetectionEvaluation.evaluate(truth, predicted, 0.5);

        assertThat(report.map50()).isCloseTo(1.0, within(1e-12));
        assertThat(report.map50to95()).isCloseTo(1.0, within(1e-12));
        assertThat(report.precision()).isEqualTo(1.0);
        assertThat(report.recall()).isEqualTo(1.0);
    }

    @Test
    void averagePrecisionIsTheAreaUnderThe101PointPrecisionEnvelope() {
        // Two boxes; ranked hits TP, FP, TP → recall .5, .5, 1 and precision 1, .5, 2/3.
        // Envelope: 1 for recall ≤ .5 (51 points), 2/3 above (50 points) → (51 + 50·2/3) / 101.
        List<LabeledBox> truth = List.of(LabeledBox.truth(1, "car", 0, 0, 10, 10), LabeledBox.truth(2, "car", 0, 0, 10, 10));
        List<LabeledBox> predicted = List.of(guess(1, "car", 0.9, 0, 0), guess(1, "car", 0.8, 50, 50), guess(2, "car", 0.7, 0, 0));

        assertThat(DetectionEvaluation.averagePrecision(truth, predicted, 0.5)).isCloseTo((51 + 50 * 2.0 / 3) / 101, within(1e-12));
    }

    @Test
    void aSecondBoxOnTheSameObjectIsAFalsePositive() {
        List<LabeledBox> truth = List.of(LabeledBox.truth(1, "car", 0, 0, 10, 10));
        List<LabeledBox> predicted = List.of(guess(1, "car", 0.9, 0, 0), guess(1, "car", 0.8, 1, 0));

        DetectionEvaluation.Report report = DetectionEvaluation.evaluate(truth, predicted, 0.5);

        assertThat(report.precision()).isEqualTo(0.5);
        assertThat(report.recall()).isEqualTo(1.0);
        assertThat(report.map50()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void aLooseBoxCountsAtIou05ButNotAtStricterThresholds() {
        // Shifted by 3 of 10 pixels: IoU 70/130 = 0.54.
        List<LabeledBox> truth = List.of(LabeledBox.truth(1, "car", 0, 0, 10, 10));
        List<LabeledBox> predicted = List.of(guess(1, "car", 0.9, 3, 0));

        DetectionEvaluation.Report report = DetectionEvaluation.evaluate(truth, predicted, 0.5);

        assertThat(report.map50()).isCloseTo(1.0, within(1e-12));
        assertThat(report.map50to95()).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void aLabelWithBoxesButNoPredictionsHasApZeroAndWrongLabelsNeverMatch() {
        List<LabeledBox> truth = List.of(LabeledBox.truth(1, "car", 0, 0, 10, 10), LabeledBox.truth(1, "person", 20, 20, 10, 10));
        List<LabeledBox> predicted = List.of(guess(1, "car", 0.9, 0, 0), guess(1, "car", 0.9, 20, 20));

        DetectionEvaluation.Report report = DetectionEvaluation.evaluate(truth, predicted, 0.95);

        assertThat(report.perClassAp50()).containsEntry("car", 1.0).containsEntry("person", 0.0);
        assertThat(report.map50()).isCloseTo(0.5, within(1e-12));
        assertThat(report.precision()).isZero();
        assertThat(report.recall()).isZero();
    }
}
