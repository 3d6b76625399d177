package dev.flywheel.backend.prelabeljob;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** Predictions per second since a job (re)started, and the time left at that rate. */
final class JobRate {

    private final LongSupplier nanoTime;
    private final long started;
    private final AtomicLong predicted = new AtomicLong();
    private volatile long stopped = -1;

    JobRate(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.started = nanoTime.getAsLong();
    }

    void add(long images) {
        predicted.addAndGet(images);
    }

    /** The job ended: the rate stays what it was then. */
    void stop() {
        stopped = nanoTime.getAsLong();
    }

    double imagesPerSecond() {
        long now = stopped >= 0 ? stopped : nanoTime.getAsLong();
        double seconds = (now - started) / 1e9;
        return seconds <= 0 ? 0 : predicted.get() / seconds;
    }

    /** Seconds left for {@code remaining} tasks; empty before the first prediction. */
    Optional<Double> etaSeconds(long remaining) {
        double rate = imagesPerSecond();
        return rate <= 0 ? Optional.empty() : Optional.of(Math.max(0, remaining) / rate);
    }
}
