package dev.flywheel.backend.analytics;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The kernel two-sample test of Gretton et al. (2012) on embedding vectors: unbiased MMD² with a Gaussian (RBF)
 * kernel whose bandwidth is the median pairwise distance, and a permutation p-value.
 *
 * <p>Cost is O((n+m)² · (d + permutations)); subsample to a few thousand vectors per side before calling.
 */
final class MaximumMeanDiscrepancy {

    /** Enough permutations to resolve p = 0.05 while keeping a request well under a second for a thousand vectors. */
    public static final int DEFAULT_PERMUTATIONS = 200;

    private MaximumMeanDiscrepancy() {}

    /**
     * Tests whether {@code x} and {@code y} come from one distribution. The p-value is
     * (1 + #{permuted MMD² ≥ observed}) / (1 + permutations), so it is never 0; the seed makes it reproducible.
     */
    public static TwoSampleTest rbfPermutationTest(double[][] x, double[][] y, int permutations, long seed) {
        if (x.length < 2 || y.length < 2) {
            throw new IllegalArgumentException("MMD needs at least two vectors on each side");
        }
        if (permutations < 1) {
            throw new IllegalArgumentException("permutations must be positive");
        }
        double[][] pooled = new double[x.length + y.length][];
        System.arraycopy(x, 0, pooled, 0, x.length);
        System.arraycopy(y, 0, pooled, x.length, y.length);
        double[][] kernel = rbfKernel(pooled);
        boolean[] inX = new boolean[pooled.length];
        Arrays.fill(inX, 0, x.length, true);
        double observed = unbiasedMmd2(kernel, inX, x.length);
        SplittableRandom random = new SplittableRandom(seed);
        int atLeast = 0;
        for (int p = 0; p < permutations; p++) {
            shuffle(inX, random);
            if (unbiasedMmd2(kernel, inX, x.length) >= observed) {
                atLeast++;
            }
        }
        return new TwoSampleTest(observed, (1.0 + atLeast) / (1.0 + permutations));
    }

    /** exp(−‖a−b‖² / (2σ²)) for every pair, σ the median of the nonzero pairwise distances (1 if there is none). */
    static double[][] rbfKernel(double[][] points) {
        int n = points.length;
        double[][] squared = new double[n][n];
        double[] distances = new double[n * (n - 1) / 2];
        int count = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = squaredDistance(points[i], points[j]);
                squared[i][j] = s;
                squared[j][i] = s;
                if (s > 0) {
                    distances[count++] = Math.sqrt(s);
                }
            }
        }
        Double median = DatasetStats.median(Arrays.stream(distances, 0, count).boxed().toList());
        double sigma = median == null ? 1 : median;
        double[][] kernel = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                kernel[i][j] = Math.exp(-squared[i][j] / (2 * sigma * sigma));
            }
        }
        return kernel;
    }

    static double unbiasedMmd2(double[][] kernel, boolean[] inX, int nx) {
        int ny = kernel.length - nx;
        double xx = 0;
        double yy = 0;
        double xy = 0;
        for (int i = 0; i < kernel.length; i++) {
            for (int j = i + 1; j < kernel.length; j++) {
                if (inX[i] && inX[j]) {
                    xx += kernel[i][j];
                } else if (!inX[i] && !inX[j]) {
                    yy += kernel[i][j];
                } else {
                    xy += kernel[i][j];
                }
            }
        }
        // Each unordered pair counted once: the i≠j sums are twice these.
        return 2 * xx / ((double) nx * (nx - 1)) + 2 * yy / ((double) ny * (ny - 1)) - 2 * xy / ((double) nx * ny);
    }

    private static double squaredDistance(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors differ in dimension: " + a.length + " and " + b.length);
        }
        double s = 0;
        for (int d = 0; d < a.length; d++) {
            double diff = a[d] - b[d];
            s += diff * diff;
        }
        return s;
    }

    private static void shuffle(boolean[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            boolean t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }
}
