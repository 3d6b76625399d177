package dev.flywheel.model.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One version on the learning curve.
 *
 * @param version the version
 * @param trainedOn labelled tasks it learned from
 * @param accuracy accuracy in [0, 1]
 * @param macroF1 macro F1 in [0, 1]
 * @param map50 an object detector's hold-out mAP@0.5 in [0, 1] (its accuracy and macro F1 are null); null, and left
 *     out of the JSON, for a classifier
 */
public record LearningCurvePoint(String version, @JsonProperty("trained_on") long trainedOn, Double accuracy,
        @JsonProperty("macro_f1") Double macroF1, @JsonInclude(JsonInclude.Include.NON_NULL) Double map50) {

    public LearningCurvePoint {
        Checks.required("version", version);
        Checks.nonNegative("trained_on", trainedOn);
        Checks.ratio("accuracy macro_f1 map50", accuracy, macroF1, map50);
    }

    /** A classifier's point. */
    public LearningCurvePoint(String version, long trainedOn, Double accuracy, Double macroF1) {
        this(version, trainedOn, accuracy, macroF1, null);
    }

    /** The figure the curve follows: accuracy for a classifier, mAP@0.5 for a detector; null when neither is known. */
    @JsonIgnore
    public Double quality() {
        return accuracy != null ? accuracy : map50;
    }
}
