package dev.flywheel.model.api;

/**
 * How often one label was given.
 *
 * @param label the label value
 * @param count how many annotations gave it
 * @param share its share of all labels, in [0, 1]
 */
public record ClassCount(String label, long count, double share) {

    public ClassCount {
        Checks.required("label", label);
        Checks.nonNegative("count", count);
        Checks.ratio("share", share);
    }
}
