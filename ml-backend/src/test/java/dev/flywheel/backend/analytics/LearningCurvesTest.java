package dev.flywheel.backend.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import dev.flywheel.model.api.LearningCurve;
import dev.flywheel.model.api.LearningCurvePoint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LearningCurvesTest {

    @Test
    void theProjectedGainOfAKnownCurveIsRecoveredWithinTenPercent() {
        PowerLaw truth = new PowerLaw(0.95, 0.8, 0.5);

        LearningCurve curve = LearningCurves.of(pointsOn(truth, 100, 200, 400, 800, 1600));

        assertThat(curve.projectedGainPer100Labels()).isCloseTo(truth.gainPer100LabelsAt(1600), withPercentage(10));
    }

    @Test
    void anExponentBetweenGridStepsAndUnorderedPointsAreStillRecovered() {
        PowerLaw truth = new PowerLaw(0.9, 1.3, 0.3737);

        LearningCurve curve = LearningCurves.of(pointsOn(truth, 500, 50, 150, 1000));

        assertThat(curve.points()).extracting(LearningCurvePoint::trainedOn).containsExactly(50L, 150L, 500L, 1000L);
        assertThat(curve.projectedGainPer100Labels()).isCloseTo(truth.gainPer100LabelsAt(1000), withPercentage(10));
    }

    @Test
    void theFitRecoversTheParametersOfANoiselessCurve() {
        PowerLaw fit = PowerLaw.fit(new double[] {100, 200, 400, 800}, accuracies(new PowerLaw(0.95, 0.8, 0.5), 100, 200, 400, 800));

        assertThat(fit.a()).isCloseTo(0.95, withPercentage(1));
        assertThat(fit.c()).isCloseTo(0.5, withPercentage(1));
    }

    @Test
    void aDetectorsCurveFollowsItsMap50() {
        PowerLaw truth = new PowerLaw(0.9, 1.0, 0.5);
        List<LearningCurvePoint> points = new ArrayList<>();
        for (long n : new long[] {100, 200, 400, 800}) {
            points.add(new LearningCurvePoint("v" + n, n, null, null, truth.accuracyAt(n)));
        }

        LearningCurve curve = LearningCurves.of(points);

        assertThat(curve.projectedGainPer100Labels()).isCloseTo(truth.gainPer100LabelsAt(800), withPercentage(10));
    }

    @Test
    void fewerThanThreePointsGiveNoProjection() {
        LearningCurve curve = LearningCurves.of(pointsOn(new PowerLaw(0.95, 0.8, 0.5), 100, 200));

        assertThat(curve.points()).hasSize(2);
        assertThat(curve.projectedGainPer100Labels()).isNull();
    }

    private static List<LearningCurvePoint> pointsOn(PowerLaw curve, long... sizes) {
        List<LearningCurvePoint> points = new ArrayList<>();
        for (long n : sizes) {
            points.add(new LearningCurvePoint("v" + n, n, curve.accuracyAt(n), null));
        }
        return points;
    }

    private static double[] accuracies(PowerLaw curve, double... sizes) {
        double[] values = new double[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            values[i] = curve.accuracyAt(sizes[i]);
        }
        return values;
    }
}
