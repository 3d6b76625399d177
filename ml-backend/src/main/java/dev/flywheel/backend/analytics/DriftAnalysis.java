package dev.flywheel.backend.analytics;

import dev.flywheel.model.api.DriftReport;
import dev.flywheel.model.api.DriftWindow;
import dev.flywheel.model.api.FeatureDrift;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether recent inputs drifted from a version's training inputs: an MMD test on embeddings plus a KS test
 * per image feature, combined with a Bonferroni correction.
 *
 * <p>The family is every test run (the features, and MMD when both sides have embeddings), so "drifted" keeps a
 * false-alarm rate of at most {@code alpha} when nothing changed. The report's {@code p_value} is the
 * Bonferroni-adjusted smallest p-value, min(1, m·p_min), so {@code drifted} is exactly {@code p_value < alpha}; its
 * {@code statistic} is MMD² when embeddings were tested, otherwise the largest KS statistic.
 */
public final class DriftAnalysis {

    /** The family-wise significance level of the insights API. */
    public static final double ALPHA = 0.05;

    /** Fixed so the same data always gives the same report. */
    static final long SEED = 0x5EED_F1A1L;

    private DriftAnalysis() {}

    /** The median of {@code values}, or null for none: where a feature sits, so a report can say how far it moved. */
    static Double median(double[] values) {
        if (values.length == 0) {
            return null;
        }
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** Compares {@code current} against {@code reference} at {@link #ALPHA}. */
    public static DriftReport analyze(String referenceVersion, DriftWindow window, DriftSample reference, DriftSample current) {
        boolean withFeatures = !reference.features().isEmpty() && !current.features().isEmpty();
        boolean withEmbeddings = reference.embeddings().size() >= 2 && current.embeddings().size() >= 2;
        int tests = (withFeatures ? ImageFeatures.NAMES.size() : 0) + (withEmbeddings ? 1 : 0);
        if (tests == 0) {
            return new DriftReport(referenceVersion, window, null, null, false, List.of());
        }
        double perTestAlpha = ALPHA / tests;
        List<FeatureDrift> perFeature = new ArrayList<>();
        double minP = 1;
        double maxKs = 0;
        if (withFeatures) {
            for (String name : ImageFeatures.NAMES) {
                TwoSampleTest ks = KolmogorovSmirnov.twoSample(reference.feature(name), current.feature(name));
                perFeature.add(new FeatureDrift(name, ks.statistic(), ks.pValue(), ks.pValue() < perTestAlpha,
                        median(reference.feature(name)), median(current.feature(name))));
                minP = Math.min(minP, ks.pValue());
                maxKs = Math.max(maxKs, ks.statistic());
            }
        }
        double statistic = maxKs;
        FeatureDrift embedding = null;
        if (withEmbeddings) {
            TwoSampleTest mmd = MaximumMeanDiscrepancy.rbfPermutationTest(reference.embeddingMatrix(),
                    current.embeddingMatrix(), MaximumMeanDiscrepancy.DEFAULT_PERMUTATIONS, SEED);
            minP = Math.min(minP, mmd.pValue());
            statistic = mmd.statistic();
            embedding = new FeatureDrift("embedding", mmd.statistic(), mmd.pValue(), mmd.pValue() < perTestAlpha);
        }
        double adjusted = Math.min(1, tests * minP);
        return new DriftReport(referenceVersion, window, statistic, adjusted, adjusted < ALPHA, perFeature, embedding);
    }
}
