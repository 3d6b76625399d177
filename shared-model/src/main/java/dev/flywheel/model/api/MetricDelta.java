package dev.flywheel.model.api;

/**
 * One metric of two versions and their difference.
 *
 * @param name metric name, e.g. {@code accuracy}
 * @param base base value
 * @param candidate candidate value
 * @param delta candidate minus base
 */
public record MetricDelta(String name, Double base, Double candidate, Double delta) {

    public MetricDelta {
        Checks.required("name", name);
        Checks.finite("base candidate delta", base, candidate, delta);
    }
}
