package dev.flywheel.model.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One label's F1 in two versions and the difference.
 *
 * @param label the label value
 * @param baseF1 base F1
 * @param candidateF1 candidate F1
 * @param delta candidate minus base
 */
public record ClassF1Delta(String label, @JsonProperty("base_f1") Double baseF1, @JsonProperty("candidate_f1") Double candidateF1,
        Double delta) {

    public ClassF1Delta {
        Checks.required("label", label);
        Checks.ratio("base_f1 candidate_f1", baseF1, candidateF1);
        Checks.finite("delta", delta);
    }
}
