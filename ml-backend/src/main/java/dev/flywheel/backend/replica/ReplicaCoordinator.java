package dev.flywheel.backend.replica;

import dev.flywheel.backend.os.WorkerThreads;
import dev.flywheel.backend.store.FlywheelStore;
import dev.flywheel.backend.store.Project;
import dev.flywheel.backend.store.TrainerLease;
import dev.flywheel.backend.store.TrainingRun;
import dev.flywheel.model.api.ModelStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One replica's view of the others, by polling the shared store (a few cheap queries per tick):
 *
 * <ul>
 *   <li>every project's active version goes to {@code versions} (the active-version cache drops a version the store no
 *       longer names, so a rollback or a new version anywhere is served here within one tick plus a load);</li>
 *   <li>the trainer lease is taken when free; on taking it the replica first recovers what the previous holder left
 *       (its interrupted run marked failed, partial folders removed), then asks the policy about every project;</li>
 *   <li>while it holds the lease, a project whose annotations or queued runs changed (stored by another replica) is
 *       handed to {@code trainer}, which asks the policy, as a webhook here would have.</li>
 * </ul>
 */
public final class ReplicaCoordinator implements AutoCloseable {

    /** Twice a second: a new active version reaches every replica well within 2 s. */
    public static final Duration DEFAULT_PERIOD = Duration.ofMillis(500);

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaCoordinator.class);

    private final FlywheelStore store;
    private final TrainerLease lease;
    private final Hooks hooks;
    private final ScheduledExecutorService ticker;
    private final Map<Long, Signature> seen = new ConcurrentHashMap<>();
    private volatile boolean wasHolder;

    /** What the coordinator does to the rest of the replica. */
    public interface Hooks {

        /** The store names {@code version} as the project's active version now. */
        void activeVersion(long project, Optional<String> version);

        /** This replica has just taken the trainer lease: clean up after the previous holder. */
        void tookOver();

        /** Annotations or queued runs of the project changed: ask the policy whether it is due, and run what is. */
        void changed(long project);

        /** Hooks made of three functions. */
        static Hooks of(BiConsumer<Long, Optional<String>> activeVersion, Runnable tookOver, LongConsumer changed) {
            return new Hooks() {
                @Override
                public void activeVersion(long project, Optional<String> version) {
                    activeVersion.accept(project, version);
                }

                @Override
                public void tookOver() {
                    tookOver.run();
                }

                @Override
                public void changed(long project) {
                    changed.accept(project);
                }
            };
        }
    }

    public ReplicaCoordinator(FlywheelStore store, TrainerLease lease, Hooks hooks, ThreadFactory thread) {
        this.store = store;
        this.lease = lease;
        this.hooks = hooks;
        this.ticker = Executors.newSingleThreadScheduledExecutor(thread);
        // A lease taken before the first tick (at start, before recovery) is no takeover: recovery has run already.
        this.wasHolder = lease.held();
    }

    /** Ticks every {@code period} from now on, the first at once. */
    public void start(Duration period) {
        ticker.scheduleWithFixedDelay(this::safeTick, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            // The database may be away for a moment; the next tick tries again.
            LOG.warn("replica coordination failed this tick: {}", e.getMessage());
        }
    }

    /** One round: active versions, the lease, and changes stored by other replicas. */
    void tick() {
        List<Project> projects = store.projects().list();
        for (Project project : projects) {
            hooks.activeVersion(project.definition().id(), project.activeVersion());
        }
        boolean holder = lease.tryAcquire();
        if (!holder) {
            if (wasHolder) {
                LOG.warn("this replica no longer holds the trainer lease; it stops taking runs");
            }
            wasHolder = false;
            seen.clear();
            return;
        }
        if (!wasHolder) {
            wasHolder = true;
            LOG.info("this replica holds the trainer lease: it runs every due training run");
            hooks.tookOver();
        }
        for (Project project : projects) {
            long id = project.definition().id();
            Signature now = signature(id);
            if (!now.equals(seen.put(id, now))) {
                hooks.changed(id);
            }
        }
    }

    private Signature signature(long project) {
        long queued = store.runs().list(project).stream().map(TrainingRun::status).filter(ModelStatus.QUEUED::equals).count();
        return new Signature(store.annotations().latestSequence(project), queued);
    }

    /** What, per project, tells the trainer that something changed elsewhere. */
    private record Signature(long annotationSequence, long queuedRuns) {}

    @Override
    public void close() {
        WorkerThreads.stop(ticker, Duration.ofSeconds(5));
    }
}
