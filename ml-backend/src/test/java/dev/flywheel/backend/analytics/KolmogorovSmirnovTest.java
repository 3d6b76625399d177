package dev.flywheel.backend.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Random;
import org.junit.jupiter.api.Test;

class KolmogorovSmirnovTest {

    @Test
    void theStatisticAndAsymptoticPValueMatchAHandComputation() {
        // F_a and F_b after each value:  x=1: 1/4 vs 0;  x=2: 2/4 vs 0;  x=3: 3/4 vs 1/5;  x=4: 4/4 vs 2/5 (gap 0.6);
        // x=5: 1 vs 3/5; then the gap shrinks. D = 0.6.
        // n_e = 4*5/9, sqrt = 1.49071; lambda = (1.49071 + 0.12 + 0.11/1.49071) * 0.6 = 1.01070;
        // Q(lambda) = 2 (e^{-2 lambda^2} - e^{-8 lambda^2} + ...) = 2 (0.129633 - 0.000282 + ...) = 0.258705.
        TwoSampleTest test = KolmogorovSmirnov.twoSample(new double[] {4, 1, 3, 2}, new double[] {3, 4, 5, 6, 7});

        assertThat(test.statistic()).isCloseTo(0.6, offset(1e-12));
        assertThat(test.pValue()).isCloseTo(0.258705, offset(1e-5));
    }

    @Test
    void valuesTiedAcrossTheSamplesAreSteppedOverTogether() {
        assertThat(KolmogorovSmirnov.twoSample(new double[] {1, 2, 2}, new double[] {2, 2, 1}).statistic()).isZero();
    }

    @Test
    void samplesFromOneDistributionAreNotSignificantAndAShiftedMeanIs() {
        Random random = new Random(3);
        double[] a = gaussian(random, 400, 0);
        double[] b = gaussian(random, 400, 0);
        double[] shifted = gaussian(random, 400, 0.5);

        assertThat(KolmogorovSmirnov.twoSample(a, b).pValue()).isGreaterThan(0.05);
        assertThat(KolmogorovSmirnov.twoSample(a, shifted).pValue()).isLessThan(0.001);
    }

    static double[] gaussian(Random random, int n, double mean) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = mean + random.nextGaussian();
        }
        return values;
    }
}
