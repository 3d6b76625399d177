package dev.flywheel.backend.prelabeljob;

import java.time.Duration;
import java.util.Objects;

/**
 * How a job waits for Label Studio to come back: {@code first}, then twice as long each time, never longer than
 * {@code longest}. A job waits as long as it takes; only a cancel ends the wait.
 *
 * @param first the first wait
 * @param longest the longest wait
 */
record Patience(Duration first, Duration longest) {

    public Patience {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(longest, "longest");
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0) {
            throw new IllegalArgumentException("waits must be positive and the longest at least the first");
        }
    }

    /** One second, doubling up to a minute: a restarting Label Studio is back soon, an outage costs a request a minute. */
    public static Patience defaults() {
        return new Patience(Duration.ofSeconds(1), Duration.ofMinutes(1));
    }

    /** The wait after the {@code attempt}-th failure in a row (1-based). */
    Duration after(int attempt) {
        Duration wait = first.multipliedBy(1L << Math.min(attempt - 1, 20));
        return wait.compareTo(longest) > 0 ? longest : wait;
    }
}
