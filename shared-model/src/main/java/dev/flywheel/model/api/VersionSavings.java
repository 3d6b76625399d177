package dev.flywheel.model.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How annotators treated one version's pre-labels.
 *
 * @param version the version
 * @param prelabeled tasks it pre-labelled
 * @param accepted pre-labels kept as is
 * @param edited pre-labels changed
 * @param replaced pre-labels thrown away
 * @param acceptanceRate accepted share in [0, 1]
 * @param medianLeadTimeS median seconds per task
 */
public record VersionSavings(String version, long prelabeled, long accepted, long edited, long replaced,
        @JsonProperty("acceptance_rate") Double acceptanceRate, @JsonProperty("median_lead_time_s") Double medianLeadTimeS) {

    public VersionSavings {
        Checks.required("version", version);
        Checks.nonNegative("prelabeled accepted edited replaced", prelabeled, accepted, edited, replaced);
        Checks.ratio("acceptance_rate", acceptanceRate);
        Checks.nonNegative("median_lead_time_s", medianLeadTimeS);
    }
}
