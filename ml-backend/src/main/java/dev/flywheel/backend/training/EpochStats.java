package dev.flywheel.backend.training;

/**
 * Mean training loss and hold-out accuracy after one epoch, and how long its training pass took.
 *
 * @param trainSeconds the training pass alone (forward, backward, step), NaN when not timed
 */
public record EpochStats(int epoch, double loss, double valAccuracy, double trainSeconds) {

    /** An epoch whose training pass was not timed. */
    EpochStats(int epoch, double loss, double valAccuracy) {
        this(epoch, loss, valAccuracy, Double.NaN);
    }
}
