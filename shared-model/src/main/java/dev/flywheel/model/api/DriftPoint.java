package dev.flywheel.model.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One window of a drift history: the test of consecutive images the active version served against its training
 * images, so a chart can show when drift began (Flywheel's field; the contract leaves the drift reply open).
 *
 * @param from ISO-8601 UTC time of the window's first image
 * @param to ISO-8601 UTC time of its last image
 * @param samples images in the window
 * @param statistic the window's test statistic (MMD² when embeddings were tested, else the largest KS statistic)
 * @param pValue its Bonferroni-adjusted p-value in [0, 1]
 * @param drifted whether the window drifted
 */
public record DriftPoint(String from, String to, long samples, Double statistic, @JsonProperty("p_value") Double pValue,
        boolean drifted) {

    public DriftPoint {
        Checks.required("from to", from, to);
        Checks.nonNegative("samples", samples);
        Checks.finite("statistic", statistic);
        Checks.ratio("p_value", pValue);
    }
}
