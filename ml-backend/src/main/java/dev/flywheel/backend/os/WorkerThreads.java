package dev.flywheel.backend.os;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Thread factories for the backend's pools, named by role and ranked by how long their work may wait for a CPU.
 *
 * <p>On a small machine training and inference keep every core busy. Request threads (Jetty's) and the JVM's own
 * garbage collector keep the default priority, so a {@code /health} probe or a collection pause is never stuck behind
 * a batch of tensor work; predictions outrank training, because an annotator is waiting for them.
 */
public final class WorkerThreads {

    /** Nice value of prediction and image threads: behind requests, ahead of training. */
    public static final int INTERACTIVE_NICE = 5;
    /** Nice value of the training worker: it only ever waits for CPU nobody else wants. */
    public static final int BACKGROUND_NICE = 10;

    private WorkerThreads() {}

    /** Daemon platform threads {@code prefix-1, prefix-2, …} that lower their own priority to {@code nice} on start. */
    public static ThreadFactory named(String prefix, int nice) {
        ThreadFactory platform = Thread.ofPlatform().name(prefix + "-", 1).daemon(true).factory();
        return task -> platform.newThread(() -> {
            CpuPriority.lowerCurrentThread(nice);
            task.run();
        });
    }

    /**
     * Interrupts the pool's work and waits up to {@code timeout} for it to end; false when it had not ended by then. An
     * interrupt of the caller ends the wait and stays set.
     */
    public static boolean stop(ExecutorService pool, Duration timeout) {
        pool.shutdownNow();
        try {
            return pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether this system honours the priorities (Linux); elsewhere every thread runs at the default. */
    static boolean prioritised() {
        return CpuPriority.supported();
    }
}
