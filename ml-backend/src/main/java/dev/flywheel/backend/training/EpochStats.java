package dev.flywheel.backend.training;

/** Mean training loss and hold-out accuracy after one epoch. */
public record EpochStats(int epoch, double loss, double valAccuracy) {}
