package dev.flywheel.model.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One label's detection average precision at IoU 0.5 in two versions and the difference.
 *
 * @param label the label value
 * @param baseAp base AP@0.5
 * @param candidateAp candidate AP@0.5
 * @param delta candidate minus base
 */
public record ClassApDelta(String label, @JsonProperty("base_ap50") Double baseAp,
        @JsonProperty("candidate_ap50") Double candidateAp, Double delta) {

    public ClassApDelta {
        Checks.required("label", label);
        Checks.ratio("base_ap50 candidate_ap50", baseAp, candidateAp);
        Checks.finite("delta", delta);
    }
}
