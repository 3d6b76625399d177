package dev.flywheel.model.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Hold-out metrics of one model version.
 *
 * @param accuracy accuracy in [0, 1]
 * @param macroF1 macro-averaged F1 in [0, 1]
 */
public record ModelMetrics(
        Double accuracy,
        @JsonProperty("macro_f1") Double macroF1) {

    public ModelMetrics {
        Checks.ratio("accuracy", accuracy);
        Checks.ratio("macro_f1", macroF1);
    }
}
