package dev.flywheel.model.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The drift test of one input feature (the contract leaves its fields open; these are Flywheel's).
 *
 * @param feature feature name
 * @param statistic the test statistic
 * @param pValue its p-value in [0, 1]
 * @param drifted whether this feature drifted
 * @param referenceMedian the feature's median over the training images, or null (left out of the JSON)
 * @param currentMedian its median over the recent window, or null: with the reference, by how much it moved
 */
public record FeatureDrift(String feature, Double statistic, @JsonProperty("p_value") Double pValue, boolean drifted,
        @JsonProperty("reference_median") @JsonInclude(JsonInclude.Include.NON_NULL) Double referenceMedian,
        @JsonProperty("current_median") @JsonInclude(JsonInclude.Include.NON_NULL) Double currentMedian) {

    /** A feature's test without its medians. */
    public FeatureDrift(String feature, Double statistic, Double pValue, boolean drifted) {
        this(feature, statistic, pValue, drifted, null, null);
    }

    public FeatureDrift {
        Checks.required("feature", feature);
        Checks.finite("statistic", statistic);
        Checks.ratio("p_value", pValue);
    }
}
