package dev.flywheel.backend.analytics;

import java.util.Objects;

/**
 * One hold-out task as a version saw it: the label it was scored against and the label it predicted.
 *
 * @param given the label in the hold-out set
 * @param predicted the version's prediction
 */
public record HoldOutPrediction(String given, String predicted) {

    public HoldOutPrediction {
        Objects.requireNonNull(given, "given");
        Objects.requireNonNull(predicted, "predicted");
    }

    /** Whether the prediction matches the given label. */
    public boolean correct() {
        return given.equals(predicted);
    }
}
