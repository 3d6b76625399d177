package dev.flywheel.backend.store;

import java.time.Instant;
import java.util.Objects;

/**
 * The extent of a version's served samples, cheap to query, so a cached drift report can be reused until it changes.
 *
 * @param samples how many
 * @param from when the oldest was served
 * @param to when the newest was served
 */
public record ServedWindow(long samples, Instant from, Instant to) {

    public ServedWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }
}
