package dev.flywheel.model.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The reply of {@code GET /api/v1/projects/{project}/drift}: whether recent inputs differ from the training data.
 *
 * @param referenceVersion the version whose training data is the reference
 * @param window the recent window compared
 * @param statistic the test statistic
 * @param pValue its p-value in [0, 1]
 * @param drifted whether drift was detected
 * @param perFeature per-feature results
 * @param embedding the MMD test on the images' embeddings (statistic MMD², its own p-value), or null when not run
 */
public record DriftReport(@JsonProperty("reference_version") String referenceVersion, DriftWindow window, Double statistic,
        @JsonProperty("p_value") Double pValue, boolean drifted, @JsonProperty("per_feature") List<FeatureDrift> perFeature,
        @JsonInclude(JsonInclude.Include.NON_NULL) FeatureDrift embedding) {

    public DriftReport {
        Checks.finite("statistic", statistic);
        Checks.ratio("p_value", pValue);
        perFeature = Checks.list(perFeature);
    }

    /** A report without an embedding test. */
    public DriftReport(String referenceVersion, DriftWindow window, Double statistic, Double pValue, boolean drifted,
            List<FeatureDrift> perFeature) {
        this(referenceVersion, window, statistic, pValue, drifted, perFeature, null);
    }
}
