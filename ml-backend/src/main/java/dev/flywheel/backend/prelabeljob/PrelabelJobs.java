package dev.flywheel.backend.prelabeljob;

import dev.flywheel.backend.os.WorkerThreads;
import dev.flywheel.backend.store.PrelabelJobRecord;
import dev.flywheel.backend.store.PrelabelJobStore;
import dev.flywheel.backend.store.RunStateException;
import dev.flywheel.backend.store.UnknownEntityException;
import dev.flywheel.model.api.PrelabelJobReply;
import dev.flywheel.model.api.PrelabelJobRequest;
import dev.flywheel.model.api.PrelabelJobState;
import dev.flywheel.model.api.PrelabelJobStatus;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.function.BiPredicate;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts pre-label jobs, runs them one at a time on a background thread, reports their progress and cancels them. Jobs
 * left queued or running by a stop or a kill go on when {@link #resume()} is called at start.
 */
public final class PrelabelJobs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PrelabelJobs.class);
    private static final SecureRandom IDS = new SecureRandom();

    private final PrelabelJobStore store;
    private final LongFunction<PrelabelJobRunner> runners;
    private final LongFunction<Optional<String>> activeVersion;
    private final BiPredicate<Long, String> versionExists;
    private final LongConsumer ensureProject;
    private final ExecutorService worker;
    private final Set<String> cancelRequests = ConcurrentHashMap.newKeySet();
    /** Each job's rate since this backend ran it; kept after it ends, so its status shows the rate it ended at. */
    private final Map<String, JobRate> rates = new ConcurrentHashMap<>();
    private volatile String running;

    /**
     * @param runners the runner for a project's job
     * @param activeVersion a project's active version, the default of a job
     * @param versionExists whether the project has a version of that name
     * @param ensureProject makes sure the project is stored before a job refers to it
     */
    public PrelabelJobs(PrelabelJobStore store, LongFunction<PrelabelJobRunner> runners, LongFunction<Optional<String>> activeVersion,
            BiPredicate<Long, String> versionExists, LongConsumer ensureProject, ThreadFactory threads) {
        this.store = Objects.requireNonNull(store, "store");
        this.runners = Objects.requireNonNull(runners, "runners");
        this.activeVersion = Objects.requireNonNull(activeVersion, "activeVersion");
        this.versionExists = Objects.requireNonNull(versionExists, "versionExists");
        this.ensureProject = Objects.requireNonNull(ensureProject, "ensureProject");
        this.worker = Executors.newSingleThreadExecutor(threads);
    }

    /**
     * Queues a job for the project with the named or the active version.
     *
     * @throws RunStateException when no version is named and the project has no active one
     * @throws UnknownEntityException when the named version does not exist
     */
    public PrelabelJobReply start(long project, PrelabelJobRequest request) {
        String version = Optional.ofNullable(request.version()).filter(v -> !v.isBlank())
                .or(() -> activeVersion.apply(project))
                .orElseThrow(() -> new RunStateException("project " + project + " has no active model version to pre-label with; train one"
                        + " first or name a version"));
        if (!versionExists.test(project, version)) {
            throw new UnknownEntityException("project " + project + " has no model version " + version);
        }
        ensureProject.accept(project);
        String id = "pl-" + HexFormat.of().formatHex(random());
        PrelabelJobRecord job = store.create(id, project, version, request.skipsLabeled());
        LOG.info("pre-label job {} of project {} queued with version {} (only unlabelled: {})", id, project, version, job.onlyUnlabeled());
        submit(job);
        return new PrelabelJobReply(id, PrelabelJobState.QUEUED);
    }

    /**
     * Goes on with the project's job that a stop or kill left unfinished, when its version is the one asked for (or none
     * was), else starts a new one: what the command line does, so running it again after a kill resumes.
     */
    public PrelabelJobReply resumeOrStart(long project, PrelabelJobRequest request) {
        Optional<PrelabelJobRecord> unfinished = store.unfinished().stream().filter(j -> j.projectId() == project)
                .filter(j -> request.version() == null || request.version().equals(j.version())).findFirst();
        if (unfinished.isEmpty()) {
            return start(project, request);
        }
        PrelabelJobRecord job = unfinished.get();
        LOG.info("pre-label job {} of project {} goes on from page {} ({} of {} tasks dealt with)", job.id(), project, job.nextPage(),
                job.handled(), job.total());
        submit(job);
        return new PrelabelJobReply(job.id(), job.status());
    }

    /** Goes on with every job a stop or kill left queued or running, oldest first. */
    public void resume() {
        for (PrelabelJobRecord job : store.unfinished()) {
            LOG.info("pre-label job {} of project {} goes on from page {} ({} of {} tasks dealt with)", job.id(), job.projectId(),
                    job.nextPage(), job.handled(), job.total());
            submit(job);
        }
    }

    /** The job's progress. @throws UnknownEntityException when the project has no such job */
    public PrelabelJobStatus status(long project, String id) {
        return status(find(project, id));
    }

    /** Cancels a queued or running job (a finished one stays as it is) and answers its status. */
    public PrelabelJobStatus cancel(long project, String id) {
        PrelabelJobRecord job = find(project, id);
        if (!job.status().finished()) {
            cancelRequests.add(id);
            if (job.status() == PrelabelJobState.QUEUED && !id.equals(running)) {
                job = store.status(id, PrelabelJobState.CANCELLED, Optional.empty());
            }
        }
        return status(job);
    }

    private PrelabelJobRecord find(long project, String id) {
        return store.find(id).filter(j -> j.projectId() == project)
                .orElseThrow(() -> new UnknownEntityException("project " + project + " has no pre-label job " + id));
    }

    private PrelabelJobStatus status(PrelabelJobRecord job) {
        JobRate rate = rates.get(job.id());
        double perSecond = rate == null ? 0 : rate.imagesPerSecond();
        Double eta = rate == null || job.status().finished() ? null : rate.etaSeconds(job.total() - job.handled()).orElse(null);
        return new PrelabelJobStatus(job.id(), job.version(), job.status(), Math.max(job.total(), job.handled()), job.done(), job.skipped(),
                job.failed(), perSecond, eta, job.error().orElse(null));
    }

    private void submit(PrelabelJobRecord job) {
        worker.execute(() -> run(job));
    }

    private void run(PrelabelJobRecord job) {
        String id = job.id();
        if (cancelRequests.contains(id) || store.find(id).map(j -> j.status().finished()).orElse(true)) {
            return;
        }
        JobRate rate = new JobRate(System::nanoTime);
        rates.put(id, rate);
        running = id;
        try {
            PrelabelJobRecord ended = runners.apply(job.projectId()).run(id, () -> cancelRequests.contains(id), rate);
            LOG.info("pre-label job {} of project {} {}: {} predicted, {} skipped, {} failed, {} images/s", id, job.projectId(),
                    ended.status().name().toLowerCase(java.util.Locale.ROOT), ended.done(), ended.skipped(), ended.failed(),
                    String.format(java.util.Locale.ROOT, "%.1f", rate.imagesPerSecond()));
        } catch (JobFailedException e) {
            store.status(id, PrelabelJobState.FAILED, Optional.of(e.getMessage()));
        } catch (RuntimeException e) {
            // A bug or a broken model must end this job with a reason, not the worker thread.
            LOG.error("pre-label job {} of project {} failed", id, job.projectId(), e);
            store.status(id, PrelabelJobState.FAILED, Optional.of("internal error; the operator finds it in the log under job " + id));
        } finally {
            running = null;
            rate.stop();
            cancelRequests.remove(id);
        }
    }

    private static byte[] random() {
        byte[] bytes = new byte[6];
        IDS.nextBytes(bytes);
        return bytes;
    }

    /** Stops the worker; a running job stays running in the store and goes on at the next start. */
    @Override
    public void close() {
        if (!WorkerThreads.stop(worker, Duration.ofSeconds(30)) && !Thread.currentThread().isInterrupted()) {
            LOG.warn("the pre-label worker did not stop within 30 s");
        }
    }
}
