package dev.flywheel.model.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How far a training run is: the epoch it finished of those planned, its mean training loss and the hold-out accuracy
 * so far. The run may stop before {@code epochs} when its hold-out stops improving.
 *
 * @param epoch epochs finished, from 1
 * @param epochs epochs planned
 * @param loss mean training loss of the last epoch, or null
 * @param holdoutAccuracy hold-out accuracy after the last epoch in [0, 1], or null
 */
public record RunProgress(int epoch, int epochs, Double loss, @JsonProperty("holdout_accuracy") Double holdoutAccuracy) {

    public RunProgress {
        Checks.nonNegative("epoch epochs", epoch, epochs);
        Checks.ratio("holdout_accuracy", holdoutAccuracy);
    }
}
