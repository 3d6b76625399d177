package dev.flywheel.backend.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** cleanlab's {@code prune_by_noise_rate}: how many to flag per cell comes from the joint, which ones from the margin. */
final class NoiseRatePruning {

    private NoiseRatePruning() {}

    static boolean[] flag(List<OutOfSamplePrediction> examples, ConfidentJoint joint) {
        int k = joint.classes();
        long[][] prune = joint.calibrated();
        long[] labelCounts = new long[k];
        examples.forEach(e -> labelCounts[e.given()]++);
        keepAtLeastOnePerClass(prune, labelCounts);
        boolean[] flagged = new boolean[examples.size()];
        for (int i = 0; i < k; i++) {
            List<Integer> labelledI = new ArrayList<>();
            for (int n = 0; n < examples.size(); n++) {
                if (examples.get(n).given() == i) {
                    labelledI.add(n);
                }
            }
            for (int j = 0; j < k; j++) {
                if (i == j || prune[i][j] <= 0) {
                    continue;
                }
                int trueClass = j;
                int givenClass = i;
                labelledI.stream()
                        .sorted(Comparator.comparingDouble((Integer n) -> margin(examples.get(n), trueClass, givenClass))
                                .reversed()
                                .thenComparingInt(n -> n))
                        .limit(prune[i][j])
                        .forEach(n -> flagged[n] = true);
            }
        }
        return flagged;
    }

    private static double margin(OutOfSamplePrediction e, int trueClass, int givenClass) {
        return e.probability(trueClass) - e.probability(givenClass);
    }

    /**
     * Never prune a whole class: when the off-diagonal counts of a row would leave fewer than one example, shrink
     * them proportionally (cleanlab's {@code _keep_at_least_n_per_class} with n = 1).
     */
    static void keepAtLeastOnePerClass(long[][] prune, long[] labelCounts) {
        for (int i = 0; i < prune.length; i++) {
            long off = 0;
            for (int j = 0; j < prune.length; j++) {
                off += i == j ? 0 : prune[i][j];
            }
            long allowed = Math.max(0, labelCounts[i] - 1);
            if (off > allowed) {
                for (int j = 0; j < prune.length; j++) {
                    if (i != j) {
                        prune[i][j] = prune[i][j] * allowed / off;
                    }
                }
            }
        }
    }
}
