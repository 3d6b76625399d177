package dev.flywheel.backend.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MaximumMeanDiscrepancyTest {

    @Test
    void embeddingsFromOneDistributionAreNotSignificant() {
        Random random = new Random(5);

        TwoSampleTest test = MaximumMeanDiscrepancy.rbfPermutationTest(vectors(random, 120, 8, 0), vectors(random, 120, 8, 0), 200, 1);

        assertThat(test.pValue()).isGreaterThan(0.05);
    }

    @Test
    void embeddingsWithAShiftedMeanAreSignificant() {
        Random random = new Random(5);

        TwoSampleTest test = MaximumMeanDiscrepancy.rbfPermutationTest(vectors(random, 120, 8, 0), vectors(random, 120, 8, 0.5), 200, 1);

        assertThat(test.statistic()).isPositive();
        assertThat(test.pValue()).isEqualTo(1.0 / 201);
    }

    @Test
    void theSameSeedGivesTheSamePValue() {
        double[][] x = vectors(new Random(8), 40, 4, 0);
        double[][] y = vectors(new Random(9), 40, 4, 0.2);

        assertThat(MaximumMeanDiscrepancy.rbfPermutationTest(x, y, 200, 42))
                .isEqualTo(MaximumMeanDiscrepancy.rbfPermutationTest(x, y, 200, 42));
    }

    static double[][] vectors(Random random, int n, int dimension, double mean) {
        double[][] vectors = new double[n][dimension];
        for (double[] v : vectors) {
            for (int d = 0; d < dimension; d++) {
                v[d] = mean + random.nextGaussian();
            }
        }
        return vectors;
    }
}
