package dev.flywheel.backend.analytics;

/**
 * The outcome of a two-sample test: the statistic and the p-value of "both samples come from one distribution".
 *
 * @param statistic the test statistic (larger means more different)
 * @param pValue its p-value in [0, 1]
 */
record TwoSampleTest(double statistic, double pValue) {

    public TwoSampleTest {
        if (!Double.isFinite(statistic)) {
            throw new IllegalArgumentException("statistic must be finite, was " + statistic);
        }
        if (!(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException("p-value must be in [0, 1], was " + pValue);
        }
    }
}
