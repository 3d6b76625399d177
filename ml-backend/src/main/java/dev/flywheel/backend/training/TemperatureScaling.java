package dev.flywheel.backend.training;

/**
 * Fits the softmax temperature that minimises the negative log-likelihood on hold-out logits (Guo et al., 2017), so
 * the scores Flywheel reports behave like probabilities.
 */
final class TemperatureScaling {

    private TemperatureScaling() {}

    /** The best temperature on a log grid from 0.25 to 10; 1 when there is nothing to fit on. */
    public static double fit(float[][] logits, int[] labels) {
        if (logits.length == 0) {
            return 1.0;
        }
        double best = 1.0;
        double bestNll = negativeLogLikelihood(logits, labels, 1.0);
        for (int step = 0; step <= 80; step++) {
            double t = 0.25 * Math.pow(40, step / 80.0);
            double nll = negativeLogLikelihood(logits, labels, t);
            if (nll < bestNll) {
                bestNll = nll;
                best = t;
            }
        }
        return best;
    }

    /** Mean negative log-likelihood of the labels under softmax(logits / t). */
    public static double negativeLogLikelihood(float[][] logits, int[] labels, double t) {
        double total = 0;
        for (int i = 0; i < logits.length; i++) {
            total -= Math.log(Math.max(1e-12, softmax(logits[i], t)[labels[i]]));
        }
        return total / logits.length;
    }

    public static double[] softmax(float[] logits, double t) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v / t);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int k = 0; k < logits.length; k++) {
            p[k] = Math.exp(logits[k] / t - max);
            sum += p[k];
        }
        for (int k = 0; k < p.length; k++) {
            p[k] /= sum;
        }
        return p;
    }
}
