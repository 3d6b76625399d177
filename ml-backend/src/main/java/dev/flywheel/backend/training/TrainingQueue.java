package dev.flywheel.backend.training;

import dev.flywheel.backend.annotations.TrainingTrigger;
import dev.flywheel.backend.registry.ModelManifest;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single background worker that trains, one run at a time across projects.
 *
 * <p>Triggers that arrive while a project's run is queued join it; triggers during a run coalesce into one follow-up,
 * decided by the policy again once the run has finished. A due run first waits until the project's annotations have
 * been quiet for a moment (at most a few seconds): an import, a bulk action or a backfill then trains once on all of it,
 * not once on its first tenth and again on the rest. The project's first run does not wait: it is short, and it gives
 * the annotator pre-labels seconds after the tenth label. Once labelling pauses for the policy's catch-up time, the
 * policy is asked again, so the version people return to has learnt from every label. Label refreshes from Label
 * Studio run on the same worker, so they never block a request and never race a run's read of the training set.
 */
public final class TrainingQueue implements TrainingTrigger, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingQueue.class);

    private final TrainingRunner runner;
    private final TrainingDataRefresh refresh;
    private final AfterRun afterRun;
    private final Runnable afterEachTask;
    private final ExecutorService worker;
    private final ScheduledExecutorService policy;
    private final Set<Long> checkPending = ConcurrentHashMap.newKeySet();
    private final Object lock = new Object();
    private final Set<Long> queued = new LinkedHashSet<>();
    private final Set<Long> refreshBeforeRun = new LinkedHashSet<>();
    private final Set<Long> seen = ConcurrentHashMap.newKeySet();
    private final Map<Long, ScheduledFuture<?>> catchUps = new ConcurrentHashMap<>();
    private final RunPacing pacing;
    private final BooleanSupplier mayTrain;
    private Long running;
    private volatile boolean closing;

    /**
     * A queue that refreshes a project's labels the first time it is seen and before every Start Training run, and
     * hands each new version to {@code afterRun} (the audit) while no training waits. The one worker thread comes from
     * {@code workerThread}, which decides its priority; {@code afterEachTask} runs on it after every run and every audit
     * (the backend hands the native memory they freed back to the OS there). Whether changed annotations earn a run is
     * decided on one thread of {@code policyThread}, so whoever reports the change (a webhook) does not wait for it.
     */
    public TrainingQueue(TrainingRunner runner, TrainingDataRefresh refresh, AfterRun afterRun, ThreadFactory workerThread,
            ThreadFactory policyThread, Runnable afterEachTask) {
        this(runner, refresh, afterRun, workerThread, policyThread, afterEachTask, () -> true);
    }

    /**
     * Like the constructor above, for one of several replicas: while {@code mayTrain} is false (another process holds
     * the trainer lease) this queue decides and runs nothing; a Start Training only records its run as queued, and the
     * replica that trains finds it in the store.
     */
    public TrainingQueue(TrainingRunner runner, TrainingDataRefresh refresh, AfterRun afterRun, ThreadFactory workerThread,
            ThreadFactory policyThread, Runnable afterEachTask, BooleanSupplier mayTrain) {
        this.mayTrain = mayTrain;
        this.runner = runner;
        this.refresh = refresh;
        this.afterRun = afterRun;
        this.afterEachTask = afterEachTask;
        this.worker = Executors.newSingleThreadExecutor(workerThread);
        ScheduledThreadPoolExecutor decisions = new ScheduledThreadPoolExecutor(1, policyThread);
        // A catch-up check is rescheduled on every webhook: cancelled ones must not pile up until their time.
        decisions.setRemoveOnCancelPolicy(true);
        this.policy = decisions;
        this.pacing = RunPacing.defaults();
    }

    /**
     * The project was named by {@code /setup} or a webhook: the first time in this process, its labels are refreshed
     * on the training worker (never in the caller's request) and the policy asked whether they earn a run.
     *
     * <p>Once per process rather than once ever: a backend that was down missed webhooks, and the refresh is
     * idempotent.
     */
    @Override
    public void projectSeen(long project) {
        if (closing || !mayTrain.getAsBoolean() || !seen.add(project)) {
            return;
        }
        worker.execute(() -> {
            if (closing) {
                return;
            }
            // A failure was logged by the refresh itself; there is no run yet to note it on.
            refreshed(project);
            annotationsChanged(project);
        });
    }

    /**
     * Annotations changed: the policy is asked, on its own thread, whether the project has earned a run (it reads the
     * training set), and a run is queued if so. Returns at once; changes while a check is pending join it.
     */
    @Override
    public void annotationsChanged(long project) {
        pacing.changed(project);
        if (closing || !mayTrain.getAsBoolean()) {
            return;
        }
        scheduleCatchUp(project);
        if (!checkPending.add(project)) {
            return;
        }
        try {
            policy.execute(() -> {
                // Removed before the check, so a change during it earns another check.
                checkPending.remove(project);
                decide(project);
            });
        } catch (RejectedExecutionException e) {
            checkPending.remove(project); // closing: no run follows anyway
        }
    }

    /**
     * Asks the policy again once the project's annotations have been unchanged for the catch-up time, so the changes
     * too few to earn a run while people labelled are trained on when they pause. Each change moves the check later.
     */
    private void scheduleCatchUp(long project) {
        runner.catchUpAfter().ifPresent(after -> {
            try {
                catchUps.compute(project, (p, previous) -> {
                    if (previous != null) {
                        previous.cancel(false);
                    }
                    return policy.schedule(() -> decide(project), after.toMillis(), TimeUnit.MILLISECONDS);
                });
            } catch (RejectedExecutionException e) {
                // closing: no run follows anyway
            }
        });
    }

    private void decide(long project) {
        try {
            if (!closing) {
                queueIfDue(project);
            }
        } catch (RuntimeException e) {
            LOG.warn("project {}: deciding whether to train failed: {}", project, e.toString());
        }
    }

    private void queueIfDue(long project) {
        if (!mayTrain.getAsBoolean()) {
            return;
        }
        synchronized (lock) {
            if (queued.contains(project)) {
                return;
            }
            if (Long.valueOf(project).equals(running)) {
                return; // the policy is asked again when the run ends
            }
        }
        boolean idle = runner.catchUpAfter().map(after -> pacing.idleFor(project, after)).orElse(false);
        runner.prepareIfDue(project, idle).ifPresent(version -> submit(project));
    }

    /** Queues a run regardless of the policy (Start Training); returns the version it will produce. */
    @Override
    public Optional<String> trainNow(long project) {
        seen.add(project);
        Optional<String> version = runner.prepare(project);
        if (!mayTrain.getAsBoolean()) {
            return version; // queued in the store: the replica holding the trainer lease runs it
        }
        version.ifPresent(v -> {
            synchronized (lock) {
                refreshBeforeRun.add(project);
            }
            submit(project);
        });
        return version;
    }

    private void submit(long project) {
        synchronized (lock) {
            if (!queued.add(project)) {
                return;
            }
            pacing.queued(project);
        }
        worker.execute(() -> runQueued(project));
    }

    private void runQueued(long project) {
        boolean startTraining;
        synchronized (lock) {
            startTraining = refreshBeforeRun.contains(project);
        }
        if (!startTraining && !runner.untrained(project)) {
            // Still marked queued while it waits, so the webhooks of the burst join this run instead of queuing another.
            // The first run does not wait: it is short, and until it ends every task opened gets an empty pre-label.
            pacing.awaitQuiet(project, () -> closing);
        }
        boolean refreshFirst;
        synchronized (lock) {
            queued.remove(project);
            running = project;
            refreshFirst = refreshBeforeRun.remove(project);
        }
        try {
            if (!closing && mayTrain.getAsBoolean()) {
                Optional<String> note = refreshFirst ? refreshed(project) : Optional.empty();
                runner.runPending(project, () -> closing, note).ifPresent(this::afterRun);
            }
        } catch (RuntimeException e) {
            LOG.error("training of project {} failed", project, e);
        } finally {
            synchronized (lock) {
                running = null;
            }
            // Ask the policy after every run, not only when a trigger was noted during it: a trigger that raced a run's
            // start can leave the project marked queued while it runs, and the triggers during that run were dropped.
            // Asked right away, before the memory is handed back: until the follow-up is queued, a client reading the
            // model list sees nothing training and the just-published version as settled.
            try {
                if (!closing) {
                    queueIfDue(project);
                }
            } finally {
                afterEachTask.run();
            }
        }
    }

    private Optional<String> refreshed(long project) {
        try {
            return refresh.refresh(project);
        } catch (RuntimeException e) {
            LOG.warn("project {}: refreshing labels failed", project, e);
            return Optional.of("labels could not be refreshed before this run (an internal error; see the log)");
        }
    }

    private void afterRun(ModelManifest published) {
        worker.execute(() -> {
            if (closing || trainingWaits()) {
                return;
            }
            try {
                afterRun.run(published, () -> closing || trainingWaits());
            } catch (TrainingCancelledException e) {
                LOG.info("project {}: audit of {} gave way to training", published.project(), published.version());
            } catch (RuntimeException e) {
                LOG.warn("project {}: audit of {} failed: {}", published.project(), published.version(), e.getMessage());
            } finally {
                afterEachTask.run();
            }
        });
    }

    private boolean trainingWaits() {
        synchronized (lock) {
            return !queued.isEmpty();
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
        policy.shutdownNow();
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
