package dev.flywheel.model.api;

/**
 * The time window of recent predictions a drift report looked at.
 *
 * @param from ISO-8601 UTC start
 * @param to ISO-8601 UTC end
 * @param samples predictions in the window
 */
public record DriftWindow(String from, String to, long samples) {

    public DriftWindow {
        Checks.nonNegative("samples", samples);
    }
}
