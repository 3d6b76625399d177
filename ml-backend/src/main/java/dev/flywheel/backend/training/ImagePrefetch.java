package dev.flywheel.backend.training;

import dev.flywheel.backend.kind.TaskKind;
import dev.flywheel.backend.kind.TaskKinds;
import dev.flywheel.backend.os.WorkerThreads;
import dev.flywheel.backend.store.FlywheelStore;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads and prepares the images of newly labelled tasks while people label the next ones, so that a training run
 * finds them ready instead of fetching them from Label Studio when it starts (a third of the time from the last of a
 * thousand webhooks to its version went into those downloads). Best effort: a failure only costs the run the fetch.
 */
public final class ImagePrefetch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ImagePrefetch.class);

    private final FlywheelStore store;
    private final TaskKinds kinds;
    private final ExecutorService worker;
    private final Set<Long> pending = ConcurrentHashMap.newKeySet();

    /** Prepares what each project's kind would read (see {@link TaskKind#prefetch}), on one thread of {@code thread}. */
    public ImagePrefetch(FlywheelStore store, TaskKinds kinds, ThreadFactory thread) {
        this.store = store;
        this.kinds = kinds;
        this.worker = Executors.newSingleThreadExecutor(thread);
    }

    /** A project's annotations changed: prepare its labelled images in the background; one pass pending per project. */
    public void annotationsChanged(long project) {
        if (!pending.add(project)) {
            return;
        }
        worker.execute(() -> {
            // Removed before the pass, so a change during it earns another (which finds all but the new images ready).
            pending.remove(project);
            prefetch(project);
        });
    }

    private void prefetch(long project) {
        try {
            store.projects().find(project).ifPresent(found ->
                    kinds.named(found.definition().taskType()).ifPresent(kind -> kind.prefetch(found)));
        } catch (RuntimeException e) {
            LOG.debug("project {}: preparing images ahead of training failed: {}", project, e.toString());
        }
    }

    @Override
    public void close() {
        WorkerThreads.stop(worker, Duration.ofSeconds(5));
    }
}
