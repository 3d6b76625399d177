package dev.flywheel.model.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Hold-out metrics of one model version.
 *
 * <p>A classifier has accuracy and macro-F1; an object detector has no accuracy (null) and reports its hold-out
 * mean average precision instead ({@code map50}, {@code map50_95}), which classifiers leave out of the JSON. A
 * multi-label classifier (tags) adds micro-F1 and the mean over labels of each label's average precision ({@code map});
 * its accuracy is the share of tasks whose whole tag set was predicted exactly.
 *
 * @param accuracy accuracy in [0, 1]; null for a detector
 * @param macroF1 macro-averaged F1 in [0, 1]; null for a detector
 * @param map50 detector mAP at IoU 0.5 in [0, 1]; null for a classifier
 * @param map50to95 detector mAP averaged over IoU 0.5:0.95 in [0, 1]; null for a classifier
 * @param microF1 a multi-label classifier's F1 over every (task, label) decision in [0, 1]; null otherwise
 * @param map a multi-label classifier's mean average precision over labels in [0, 1]; null otherwise
 */
public record ModelMetrics(Double accuracy, @JsonProperty("macro_f1") Double macroF1,
        @JsonProperty("map50") @JsonInclude(JsonInclude.Include.NON_NULL) Double map50,
        @JsonProperty("map50_95") @JsonInclude(JsonInclude.Include.NON_NULL) Double map50to95,
        @JsonProperty("micro_f1") @JsonInclude(JsonInclude.Include.NON_NULL) Double microF1,
        @JsonProperty("map") @JsonInclude(JsonInclude.Include.NON_NULL) Double map) {

    public ModelMetrics {
        Checks.ratio("accuracy macro_f1 map50 map50_95 micro_f1 map", accuracy, macroF1, map50, map50to95, microF1, map);
    }

    /** A classifier's or a detector's metrics. */
    public ModelMetrics(Double accuracy, Double macroF1, Double map50, Double map50to95) {
        this(accuracy, macroF1, map50, map50to95, null, null);
    }

    /** A classifier's metrics. */
    public ModelMetrics(Double accuracy, Double macroF1) {
        this(accuracy, macroF1, null, null);
    }

    /** A multi-label classifier's metrics: exact-match accuracy, macro- and micro-F1, and mAP over labels. */
    public static ModelMetrics multiLabel(double exactMatch, double macroF1, double microF1, double map) {
        return new ModelMetrics(exactMatch, macroF1, null, null, microF1, map);
    }

    /** A detector's metrics: mAP@0.5 and mAP@0.5:0.95, no accuracy. */
    public static ModelMetrics detection(double map50, double map50to95) {
        return new ModelMetrics(null, null, map50, map50to95);
    }
}
