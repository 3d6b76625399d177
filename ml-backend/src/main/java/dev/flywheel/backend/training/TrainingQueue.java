package dev.flywheel.backend.training;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single background worker that trains, one run at a time across projects.
 *
 * <p>Triggers that arrive while a project's run is queued join it; triggers during a run coalesce into one follow-up,
 * decided by the policy again once the run has finished. Nothing here runs inside a request.
 */
public final class TrainingQueue implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingQueue.class);

    private final TrainingRunner runner;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("flywheel-training").daemon(true).factory());
    private final Object lock = new Object();
    private final Set<Long> queued = new LinkedHashSet<>();
    private Long running;
    private volatile boolean closing;

    public TrainingQueue(TrainingRunner runner) {
        this.runner = runner;
    }

    /** Annotations changed: queue a run if the policy says the project has earned one. */
    public void annotationsChanged(long project) {
        synchronized (lock) {
            if (queued.contains(project)) {
                return;
            }
            if (Long.valueOf(project).equals(running)) {
                return; // the policy is asked again when the run ends
            }
        }
        runner.prepareIfDue(project).ifPresent(version -> submit(project));
    }

    /** Queues a run regardless of the policy (Start Training); returns the version it will produce. */
    public Optional<String> trainNow(long project) {
        Optional<String> version = runner.prepare(project);
        version.ifPresent(v -> submit(project));
        return version;
    }

    private void submit(long project) {
        synchronized (lock) {
            if (!queued.add(project)) {
                return;
            }
        }
        worker.execute(() -> runQueued(project));
    }

    private void runQueued(long project) {
        synchronized (lock) {
            queued.remove(project);
            running = project;
        }
        try {
            if (!closing) {
                runner.runPending(project, () -> closing);
            }
        } catch (RuntimeException e) {
            LOG.error("training of project {} failed", project, e);
        } finally {
            synchronized (lock) {
                running = null;
            }
            // Ask the policy after every run, not only when a trigger was noted during it: a trigger that raced a run's
            // start can leave the project marked queued while it runs, and the triggers during that run were dropped.
            if (!closing) {
                annotationsChanged(project);
            }
        }
    }

    /** Whether a run is queued or running for the project. */
    public boolean busy(long project) {
        synchronized (lock) {
            return queued.contains(project) || Long.valueOf(project).equals(running);
        }
    }

    @Override
    public void close() {
        closing = true;
        worker.shutdown();
        try {
            if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
