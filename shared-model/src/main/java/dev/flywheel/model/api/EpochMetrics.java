package dev.flywheel.model.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Training loss and validation accuracy after one epoch.
 *
 * @param epoch epoch number
 * @param loss training loss
 * @param valAccuracy validation accuracy in [0, 1]
 * @param trainSeconds time of the epoch's training pass (forward, backward and step over the training images), without
 *     the hold-out evaluation after it; absent when not measured
 */
public record EpochMetrics(int epoch, Double loss, @JsonProperty("val_accuracy") Double valAccuracy,
        @JsonProperty("train_seconds") Double trainSeconds) {

    public EpochMetrics {
        Checks.nonNegative("epoch", epoch);
        Checks.finite("loss", loss);
        Checks.ratio("val_accuracy", valAccuracy);
        Checks.finite("train_seconds", trainSeconds);
    }

    /** An epoch whose training pass was not timed. */
    public EpochMetrics(int epoch, Double loss, Double valAccuracy) {
        this(epoch, loss, valAccuracy, null);
    }
}
