package dev.flywheel.model.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The drift test of one input feature (the contract leaves its fields open; these are Flywheel's).
 *
 * @param feature feature name
 * @param statistic the test statistic
 * @param pValue its p-value in [0, 1]
 * @param drifted whether this feature drifted
 */
public record FeatureDrift(String feature, Double statistic, @JsonProperty("p_value") Double pValue, boolean drifted) {

    public FeatureDrift {
        Checks.required("feature", feature);
        Checks.finite("statistic", statistic);
        Checks.ratio("p_value", pValue);
    }
}
