package dev.flywheel.backend.analytics;

import java.util.Arrays;

/** The two-sample Kolmogorov–Smirnov test with its asymptotic p-value, for one scalar feature per image. */
final class KolmogorovSmirnov {

    private KolmogorovSmirnov() {}

    /**
     * D = sup |F_a(x) − F_b(x)| over the two empirical distribution functions, and the asymptotic p-value
     * Q_KS((√n_e + 0.12 + 0.11/√n_e)·D) with n_e = n·m/(n+m) (Stephens' correction, as in Numerical Recipes).
     */
    public static TwoSampleTest twoSample(double[] a, double[] b) {
        if (a.length == 0 || b.length == 0) {
            throw new IllegalArgumentException("both samples need at least one value");
        }
        double d = statistic(a, b);
        double en = Math.sqrt((double) a.length * b.length / (a.length + b.length));
        return new TwoSampleTest(d, kolmogorovQ((en + 0.12 + 0.11 / en) * d));
    }

    /** The KS statistic; ties across samples are stepped over together, so equal values never create a gap. */
    static double statistic(double[] a, double[] b) {
        double[] x = a.clone();
        double[] y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < x.length && j < y.length) {
            double value = Math.min(x[i], y[j]);
            while (i < x.length && x[i] <= value) {
                i++;
            }
            while (j < y.length && y[j] <= value) {
                j++;
            }
            d = Math.max(d, Math.abs((double) i / x.length - (double) j / y.length));
        }
        return d;
    }

    /** The Kolmogorov survival function Q(λ) = 2 Σ_{j≥1} (−1)^{j−1} exp(−2 j² λ²), clamped to [0, 1]. */
    static double kolmogorovQ(double lambda) {
        if (lambda < 0.2) {
            return 1; // the series converges slowly here and the sum is 1 to within 1e-10
        }
        double sum = 0;
        for (int j = 1; j <= 100; j++) {
            double term = Math.exp(-2.0 * j * j * lambda * lambda);
            sum += (j % 2 == 1 ? 1 : -1) * term;
            if (term < 1e-12) {
                break;
            }
        }
        return Math.min(1, Math.max(0, 2 * sum));
    }
}
