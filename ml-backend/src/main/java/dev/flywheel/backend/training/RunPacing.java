package dev.flywheel.backend.training;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * When each project's annotations last changed, and the waits that follow from it: a due run waits for a moment of
 * quiet (at most a few seconds) so a burst trains once, and a project counts as idle once nothing changed for the
 * policy's catch-up time.
 */
final class RunPacing {

    /**
     * A person submits every few seconds at most, so a second of quiet costs them a second; a burst (webhooks for an
     * import or a bulk action arrive within milliseconds of each other) ends well inside it.
     */
    static final Duration DEFAULT_QUIET = Duration.ofMillis(1_500);

    /**
     * A steady stream of webhooks still gets a run this long after it became due: a fast annotator (one label every
     * 60 ms) is never quiet, and every second waited is a second of pre-labels from an older version. A run on part of a
     * burst costs little, since a run that newer annotations overtake stops early (see {@code RunRequest#overtaken}).
     */
    static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(3);

    private final Map<Long, Long> lastChange = new ConcurrentHashMap<>();
    private final Map<Long, Long> queuedAt = new ConcurrentHashMap<>();
    private final Duration quiet;
    private final Duration maxWait;

    /** A due run starts once no annotation changed for {@code quiet}, or {@code maxWait} after it was queued. */
    RunPacing(Duration quiet, Duration maxWait) {
        this.quiet = quiet;
        this.maxWait = maxWait;
    }

    static RunPacing defaults() {
        return new RunPacing(DEFAULT_QUIET, DEFAULT_MAX_WAIT);
    }

    void changed(long project) {
        lastChange.put(project, System.nanoTime());
    }

    void queued(long project) {
        queuedAt.put(project, System.nanoTime());
    }

    /** Whether nothing changed in the project for {@code period} (a project never changed is idle). */
    boolean idleFor(long project, Duration period) {
        Long last = lastChange.get(project);
        return last == null || System.nanoTime() - last >= period.toNanos();
    }

    /** Blocks until the project has been quiet for {@link #quiet}, or {@link #maxWait} after it was queued. */
    void awaitQuiet(long project, BooleanSupplier closing) {
        long deadline = queuedAt.getOrDefault(project, System.nanoTime()) + maxWait.toNanos();
        while (!closing.getAsBoolean()) {
            long until = Math.min(lastChange.getOrDefault(project, 0L) + quiet.toNanos(), deadline);
            long left = until - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
