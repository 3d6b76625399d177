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
 * @param history the same test on consecutive windows of the served images, oldest first (Flywheel's field; empty,
 *     and left out of the JSON, when the backend sent none)
 * @param moved the served images farthest from the training images, farthest first (Flywheel's field; may be empty)
 */
public record DriftReport(@JsonProperty("reference_version") String referenceVersion, DriftWindow window, Double statistic,
        @JsonProperty("p_value") Double pValue, boolean drifted, @JsonProperty("per_feature") List<FeatureDrift> perFeature,
        @JsonInclude(JsonInclude.Include.NON_NULL) FeatureDrift embedding,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<DriftPoint> history,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<MovedSample> moved) {

    public DriftReport {
        Checks.finite("statistic", statistic);
        Checks.ratio("p_value", pValue);
        perFeature = Checks.list(perFeature);
        history = Checks.list(history);
        moved = Checks.list(moved);
    }

    /** A report without history or moved samples. */
    public DriftReport(String referenceVersion, DriftWindow window, Double statistic, Double pValue, boolean drifted,
            List<FeatureDrift> perFeature, FeatureDrift embedding) {
        this(referenceVersion, window, statistic, pValue, drifted, perFeature, embedding, List.of(), List.of());
    }

    /** This report with its window history and the samples that moved most. */
    public DriftReport withHistory(List<DriftPoint> points, List<MovedSample> farthest) {
        return new DriftReport(referenceVersion, window, statistic, pValue, drifted, perFeature, embedding, points, farthest);
    }

    /** A report without an embedding test. */
    public DriftReport(String referenceVersion, DriftWindow window, Double statistic, Double pValue, boolean drifted,
            List<FeatureDrift> perFeature) {
        this(referenceVersion, window, statistic, pValue, drifted, perFeature, null, List.of(), List.of());
    }
}
