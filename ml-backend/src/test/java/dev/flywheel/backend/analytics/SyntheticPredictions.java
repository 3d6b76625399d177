package dev.flywheel.backend.analytics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** A seeded synthetic dataset: true classes, some labels flipped, and probabilities from a good but imperfect model. */
record SyntheticPredictions(List<OutOfSamplePrediction> examples, Set<Long> flipped) {

    /**
     * @param flipRate share of labels flipped to another class
     * @param modelErrorRate share of examples where the model confidently prefers a wrong class
     */
    static SyntheticPredictions generate(int n, int k, double flipRate, double modelErrorRate, long seed) {
        Random random = new Random(seed);
        List<OutOfSamplePrediction> examples = new ArrayList<>(n);
        Set<Long> flipped = new HashSet<>();
        for (int t = 0; t < n; t++) {
            int truth = random.nextInt(k);
            int given = truth;
            if (random.nextDouble() < flipRate) {
                given = (truth + 1 + random.nextInt(k - 1)) % k;
                flipped.add((long) t);
            }
            int favoured = random.nextDouble() < modelErrorRate ? (truth + 1 + random.nextInt(k - 1)) % k : truth;
            examples.add(new OutOfSamplePrediction(t, null, given, probabilities(random, k, favoured)));
        }
        return new SyntheticPredictions(List.copyOf(examples), Set.copyOf(flipped));
    }

    private static double[] probabilities(Random random, int k, int favoured) {
        double[] p = new double[k];
        double top = 0.6 + 0.38 * random.nextDouble();
        double rest = 1 - top;
        double[] weights = new double[k];
        double sum = 0;
        for (int j = 0; j < k; j++) {
            weights[j] = j == favoured ? 0 : random.nextDouble();
            sum += weights[j];
        }
        for (int j = 0; j < k; j++) {
            p[j] = j == favoured ? top : rest * weights[j] / sum;
        }
        return p;
    }
}
