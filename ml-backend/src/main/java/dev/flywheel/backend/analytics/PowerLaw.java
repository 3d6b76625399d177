package dev.flywheel.backend.analytics;

import java.util.Arrays;

/**
 * A learning curve accuracy(n) = a − b·n^(−c), fitted by least squares: a is the accuracy more data tends to,
 * b and c how fast it gets there.
 *
 * @param a the asymptote
 * @param b the scale of the remaining gap
 * @param c the decay exponent, positive
 */
record PowerLaw(double a, double b, double c) {

    /** The exponents searched; wider than the 0.1–1 seen in practice so a steep or flat curve is not clipped. */
    static final double MIN_C = 0.01;
    static final double MAX_C = 3;
    private static final double GRID_STEP = 0.01;

    /** The fitted accuracy after training on {@code n} labels. */
    public double accuracyAt(double n) {
        return a - b * Math.pow(n, -c);
    }

    /** The expected accuracy gain from 100 more labels, starting at {@code n}. */
    public double gainPer100LabelsAt(double n) {
        return accuracyAt(n + 100) - accuracyAt(n);
    }

    /**
     * Fits the curve: for each c on a grid (then refined by golden-section search) a and b follow from a linear
     * least-squares solve in x = n^(−c); the c with the smallest squared error wins.
     *
     * @return the fit, or null with fewer than three distinct positive training sizes (two points fit any curve)
     */
    public static PowerLaw fit(double[] trainedOn, double[] accuracy) {
        if (trainedOn.length != accuracy.length) {
            throw new IllegalArgumentException("trainedOn and accuracy differ in length");
        }
        if (Arrays.stream(trainedOn).filter(n -> n > 0).distinct().count() < 3) {
            return null;
        }
        double best = MIN_C;
        double bestError = Double.POSITIVE_INFINITY;
        for (double c = MIN_C; c <= MAX_C; c += GRID_STEP) {
            double error = solve(trainedOn, accuracy, c).error;
            if (error < bestError) {
                bestError = error;
                best = c;
            }
        }
        double c = refine(trainedOn, accuracy, Math.max(MIN_C, best - GRID_STEP), Math.min(MAX_C, best + GRID_STEP));
        Solution solution = solve(trainedOn, accuracy, c);
        return new PowerLaw(solution.a, solution.b, c);
    }

    private record Solution(double a, double b, double error) {}

    /** Ordinary least squares of accuracy on x = n^(−c): accuracy = a + slope·x, so b = −slope. */
    private static Solution solve(double[] n, double[] y, double c) {
        int m = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n.length; i++) {
            if (n[i] > 0) {
                double x = Math.pow(n[i], -c);
                m++;
                sx += x;
                sy += y[i];
                sxx += x * x;
                sxy += x * y[i];
            }
        }
        double denominator = m * sxx - sx * sx;
        if (!(denominator > 0)) {
            return new Solution(sy / m, 0, Double.POSITIVE_INFINITY);
        }
        double slope = (m * sxy - sx * sy) / denominator;
        double intercept = (sy - slope * sx) / m;
        double error = 0;
        for (int i = 0; i < n.length; i++) {
            if (n[i] > 0) {
                double r = y[i] - (intercept + slope * Math.pow(n[i], -c));
                error += r * r;
            }
        }
        return new Solution(intercept, -slope, error);
    }

    private static double refine(double[] n, double[] y, double low, double high) {
        double ratio = (Math.sqrt(5) - 1) / 2;
        double lo = low;
        double hi = high;
        for (int i = 0; i < 60; i++) {
            double left = hi - ratio * (hi - lo);
            double right = lo + ratio * (hi - lo);
            if (solve(n, y, left).error <= solve(n, y, right).error) {
                hi = right;
            } else {
                lo = left;
            }
        }
        return (lo + hi) / 2;
    }
}
