package dev.flywheel.backend.labelstudio;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently a Label Studio request is retried after a 5xx, a 429 or a connection failure.
 *
 * @param attempts tries in all, at least 1
 * @param firstDelay wait before the second try; each later wait doubles
 */
public record Backoff(int attempts, Duration firstDelay) {

    public Backoff {
        Objects.requireNonNull(firstDelay, "firstDelay");
        if (attempts < 1 || firstDelay.isNegative()) {
            throw new IllegalArgumentException("attempts must be positive and the delay not negative");
        }
    }

    /** Four tries over about three and a half seconds: rides out a restarting Label Studio, not an outage. */
    public static Backoff defaults() {
        return new Backoff(4, Duration.ofMillis(500));
    }

    /** The wait after failed try number {@code attempt} (1-based). */
    Duration delayAfter(int attempt) {
        return firstDelay.multipliedBy(1L << Math.min(attempt - 1, 20));
    }
}
