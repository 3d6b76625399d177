package dev.flywheel.backend;

import dev.flywheel.backend.os.WorkerThreads;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The bounded thread pools that do the heavy work, one per kind, so that none can starve another: a training run that
 * loads ten thousand images queues them on its own pool, never ahead of the images a {@code /predict} is waiting for.
 *
 * <p>Request-facing pools refuse when full ({@code RejectedExecutionException}, answered 503 with {@code Retry-After});
 * background pools run the work on the submitting thread instead, which slows only that background job.
 */
final class WorkPools implements AutoCloseable {

    /** {@code /predict} requests: two at a time, sixteen waiting, then 503. */
    final ThreadPoolExecutor predict;
    /** Image fetches for {@code /predict}: a request submits at most one chunk (32) at a time, so 128 is four requests' worth. */
    final ThreadPoolExecutor predictFetch;
    /** Image loads of a training run's data set (and the audit's). */
    final ThreadPoolExecutor assembly;
    /** Image loads ahead of the next run, while people label. */
    final ThreadPoolExecutor prefetch;
    /** Image fetches of pre-label jobs, which pre-label a whole project in the background. */
    final ThreadPoolExecutor jobFetch;

    WorkPools() {
        this.predict = pool("flywheel-predict", 2, 16, WorkerThreads.INTERACTIVE_NICE, new ThreadPoolExecutor.AbortPolicy());
        this.predictFetch = pool("flywheel-fetch", 4, 128, WorkerThreads.INTERACTIVE_NICE, new ThreadPoolExecutor.AbortPolicy());
        this.assembly = pool("flywheel-assembly", 4, 64, WorkerThreads.BACKGROUND_NICE, new ThreadPoolExecutor.CallerRunsPolicy());
        this.prefetch = pool("flywheel-prefetch-fetch", 2, 32, WorkerThreads.BACKGROUND_NICE, new ThreadPoolExecutor.CallerRunsPolicy());
        this.jobFetch = pool("flywheel-job-fetch", 2, 32, WorkerThreads.BACKGROUND_NICE, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    private static ThreadPoolExecutor pool(String name, int threads, int queued, int nice, RejectedExecutionHandler whenFull) {
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queued),
                WorkerThreads.named(name, nice), whenFull);
    }

    @Override
    public void close() {
        predict.shutdownNow();
        predictFetch.shutdownNow();
        assembly.shutdownNow();
        prefetch.shutdownNow();
        jobFetch.shutdownNow();
    }
}
