package dev.flywheel.backend.analytics;

/**
 * Chooses one label's serving threshold from labelled examples: the probability from which proposing the tag gives the
 * best F1. With few examples of the label the default stands, since a threshold fitted to two or three tasks would only
 * describe them.
 */
public final class ThresholdCalibration {

    /** The threshold a label keeps when its examples cannot tell: half, the sigmoid's own decision point. */
    public static final double DEFAULT = 0.5;

    /** Fewest tasks with the label, and fewest without, before a threshold is fitted. */
    public static final int MIN_EXAMPLES = 3;

    /** Candidates from 0.05 to 0.95: a threshold at the very edge would propose a tag on every image or on none. */
    private static final int STEPS = 19;

    private ThresholdCalibration() {}

    /**
     * The threshold with the best F1 on these examples; among equally good ones the nearest to {@link #DEFAULT}, so that
     * a separable label keeps the model's own boundary.
     *
     * @param probabilities per example, the model's probability of the label
     * @param given per example, whether it has the label
     */
    public static double calibrate(double[] probabilities, boolean[] given) {
        if (probabilities.length != given.length) {
            throw new IllegalArgumentException("probabilities and labels do not line up");
        }
        int positives = 0;
        for (boolean g : given) {
            positives += g ? 1 : 0;
        }
        if (positives < MIN_EXAMPLES || given.length - positives < MIN_EXAMPLES) {
            return DEFAULT;
        }
        double best = DEFAULT;
        double bestF1 = f1At(DEFAULT, probabilities, given);
        for (int s = 1; s <= STEPS; s++) {
            double threshold = s * 0.05;
            double f1 = f1At(threshold, probabilities, given);
            boolean nearer = Math.abs(threshold - DEFAULT) < Math.abs(best - DEFAULT);
            if (f1 > bestF1 + 1e-12 || (Math.abs(f1 - bestF1) <= 1e-12 && nearer)) {
                best = threshold;
                bestF1 = f1;
            }
        }
        return best;
    }

    private static double f1At(double threshold, double[] probabilities, boolean[] given) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int i = 0; i < given.length; i++) {
            boolean predicted = probabilities[i] >= threshold;
            tp += predicted && given[i] ? 1 : 0;
            fp += predicted && !given[i] ? 1 : 0;
            fn += !predicted && given[i] ? 1 : 0;
        }
        return MultiLabelReport.f1(tp, fp, fn);
    }
}
