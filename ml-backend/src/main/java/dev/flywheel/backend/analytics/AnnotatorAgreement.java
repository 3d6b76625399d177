package dev.flywheel.backend.analytics;

import dev.flywheel.model.api.Agreement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** How much annotators agree: mean pairwise agreement per task and Krippendorff's alpha for nominal labels. */
public final class AnnotatorAgreement {

    private AnnotatorAgreement() {}

    /**
     * Over tasks with two or more annotations, the mean of each task's share of annotation pairs that gave the same
     * label. Every task weighs the same however many annotators it had.
     *
     * @param labelsByTask each task's labels, one per annotation
     */
    public static Agreement pairwise(Map<Long, List<String>> labelsByTask) {
        long tasks = 0;
        double sum = 0;
        for (List<String> labels : labelsByTask.values()) {
            int m = labels.size();
            if (m < 2) {
                continue;
            }
            long agreeing = 0;
            for (int a = 0; a < m; a++) {
                for (int b = a + 1; b < m; b++) {
                    agreeing += Objects.equals(labels.get(a), labels.get(b)) ? 1 : 0;
                }
            }
            sum += (double) agreeing / ((long) m * (m - 1) / 2);
            tasks++;
        }
        return new Agreement(tasks, tasks == 0 ? null : sum / tasks);
    }

    /**
     * Krippendorff's alpha for nominal data, 1 − D_o / D_e, from the coincidence matrix; missing values are nulls
     * and units with fewer than two values are not pairable and left out (Krippendorff 2011, "Computing
     * Krippendorff's Alpha-Reliability").
     *
     * @param units one list per unit (task) of the values its coders gave, null where a coder gave none
     * @return alpha in [-1, 1], or null when it is undefined (no pairable values, or a single value everywhere)
     */
    static Double krippendorffAlphaNominal(Collection<? extends List<String>> units) {
        // coincidences[c] = n_c, the pairable values of category c; disagreeing = Σ_{c≠k} o_ck.
        Map<String, Double> marginals = new HashMap<>();
        double disagreeing = 0;
        for (List<String> unit : units) {
            List<String> values = new ArrayList<>(unit.stream().filter(Objects::nonNull).toList());
            int m = values.size();
            if (m < 2) {
                continue;
            }
            for (String value : values) {
                marginals.merge(value, 1.0, Double::sum);
            }
            for (int a = 0; a < m; a++) {
                for (int b = 0; b < m; b++) {
                    if (a != b && !values.get(a).equals(values.get(b))) {
                        disagreeing += 1.0 / (m - 1);
                    }
                }
            }
        }
        double n = marginals.values().stream().mapToDouble(Double::doubleValue).sum();
        double sumSquares = marginals.values().stream().mapToDouble(c -> c * c).sum();
        double expected = n * n - sumSquares; // Σ_{c≠k} n_c n_k
        if (n < 2 || expected == 0) {
            return null;
        }
        return 1 - (n - 1) * disagreeing / expected;
    }
}
