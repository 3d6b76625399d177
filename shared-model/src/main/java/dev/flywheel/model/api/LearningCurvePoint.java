package dev.flywheel.model.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One version on the learning curve.
 *
 * @param version the version
 * @param trainedOn labelled tasks it learned from
 * @param accuracy accuracy in [0, 1]
 * @param macroF1 macro F1 in [0, 1]
 */
public record LearningCurvePoint(
        String version,
        @JsonProperty("trained_on") long trainedOn,
        Double accuracy,
        @JsonProperty("macro_f1") Double macroF1) {

    public LearningCurvePoint {
        Checks.required("version", version);
        Checks.nonNegative("trained_on", trainedOn);
        Checks.ratio("accuracy", accuracy);
        Checks.ratio("macro_f1", macroF1);
    }
}
