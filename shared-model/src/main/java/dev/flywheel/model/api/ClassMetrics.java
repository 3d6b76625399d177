package dev.flywheel.model.api;

/**
 * Hold-out precision, recall and F1 of one label.
 *
 * @param label the label value
 * @param precision precision in [0, 1]
 * @param recall recall in [0, 1]
 * @param f1 F1 in [0, 1]
 * @param support hold-out examples with this label
 */
public record ClassMetrics(String label, Double precision, Double recall, Double f1, long support) {

    public ClassMetrics {
        Checks.required("label", label);
        Checks.ratio("precision recall f1", precision, recall, f1);
        Checks.nonNegative("support", support);
    }
}
