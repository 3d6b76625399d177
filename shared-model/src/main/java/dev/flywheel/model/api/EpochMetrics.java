package dev.flywheel.model.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Training loss and validation accuracy after one epoch.
 *
 * @param epoch epoch number
 * @param loss training loss
 * @param valAccuracy validation accuracy in [0, 1]
 */
public record EpochMetrics(
        int epoch,
        Double loss,
        @JsonProperty("val_accuracy") Double valAccuracy) {

    public EpochMetrics {
        Checks.nonNegative("epoch", epoch);
        Checks.finite("loss", loss);
        Checks.ratio("val_accuracy", valAccuracy);
    }
}
