package dev.flywheel.backend.prelabeljob;

import dev.flywheel.backend.store.PrelabelJobRecord;
import dev.flywheel.backend.store.PrelabelJobStore;
import dev.flywheel.backend.store.PrelabelJobStore.TaskOutcomes;
import dev.flywheel.model.api.PrelabelJobState;
import dev.flywheel.model.labelstudio.Prediction;
import dev.flywheel.model.labelstudio.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job from where its stored state says to its end: page by page, skip what needs no pre-label, predict the
 * rest a batch at a time, write each batch, then record its outcomes. A task is recorded only after its prediction was
 * written; a kill between the two leaves a task that Label Studio lists with this version's prediction, which the next
 * run skips, so no task is ever predicted twice.
 */
final class PrelabelJobRunner {

    private static final Logger LOG = LoggerFactory.getLogger(PrelabelJobRunner.class);

    private final PrelabelJobStore store;
    private final TaskSource source;
    private final JobPredictors predictors;
    private final PredictionSink sink;
    private final Patience patience;

    public PrelabelJobRunner(PrelabelJobStore store, TaskSource source, JobPredictors predictors, PredictionSink sink, Patience patience) {
        this.store = Objects.requireNonNull(store, "store");
        this.source = Objects.requireNonNull(source, "source");
        this.predictors = Objects.requireNonNull(predictors, "predictors");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.patience = Objects.requireNonNull(patience, "patience");
    }

    /** Runs the job until it is done, failed or cancelled, and answers it as stored then. */
    PrelabelJobRecord run(String id, BooleanSupplier cancelled, JobRate rate) {
        PrelabelJobRecord job = store.find(id).orElseThrow();
        if (job.status().finished()) {
            return job;
        }
        store.status(id, PrelabelJobState.RUNNING, Optional.empty());
        try {
            String config = patiently(id, cancelled, () -> source.labelConfig(job.projectId()));
            try (JobPredictor predictor = predictors.open(job.projectId(), job.version(), config)) {
                return pages(job, predictor, cancelled, rate);
            }
        } catch (Cancelled e) {
            return store.status(id, PrelabelJobState.CANCELLED, Optional.empty());
        } catch (Stopped e) {
            // The backend is shutting down: the job stays running in the store and goes on after the restart.
            LOG.info("pre-label job {} stopped with the backend; it goes on at the next start", id);
            return store.find(id).orElseThrow();
        } catch (JobFailedException e) {
            LOG.warn("pre-label job {} of project {} failed: {}", id, job.projectId(), e.getMessage());
            return store.status(id, PrelabelJobState.FAILED, Optional.of(e.getMessage()));
        }
    }

    private PrelabelJobRecord pages(PrelabelJobRecord job, JobPredictor predictor, BooleanSupplier cancelled, JobRate rate) {
        String id = job.id();
        long total = job.total();
        // One batch is written while the next is predicted: the model never waits for Label Studio's import.
        ExecutorService writer = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("flywheel-prelabel-write-" + id).daemon(true).factory());
        try {
            for (int page = job.nextPage(); ; page++) {
                int number = page;
                TaskSource.TaskPage tasks = patiently(id, cancelled, () -> source.page(job.projectId(), number));
                List<Task> todo = todo(job, tasks);
                CompletableFuture<Void> writing = CompletableFuture.completedFuture(null);
                for (int from = 0; from < todo.size(); from += JobPredictor.BATCH) {
                    if (cancelled.getAsBoolean()) {
                        throw new Cancelled();
                    }
                    if (Thread.currentThread().isInterrupted()) {
                        throw new Stopped();
                    }
                    List<Task> batch = todo.subList(from, Math.min(todo.size(), from + JobPredictor.BATCH));
                    List<Optional<Prediction>> outcomes = predictor.predict(batch);
                    join(writing);
                    writing = CompletableFuture.runAsync(() -> write(job, batch, outcomes, cancelled, rate), writer);
                }
                join(writing);
                long seen = (long) (page - 1) * LabelStudioTaskSource.PAGE_SIZE + tasks.tasks().size() + tasks.unreadable().size();
                total = tasks.total() >= 0 ? tasks.total() : Math.max(total, seen);
                if (tasks.last()) {
                    store.advance(id, page + 1, Math.max(total, store.find(id).orElseThrow().handled()));
                    return store.status(id, PrelabelJobState.DONE, Optional.empty());
                }
                store.advance(id, page + 1, total);
            }
        } finally {
            writer.shutdownNow();
        }
    }

    /** The page's tasks that need a pre-label; records those that need none (and the unreadable) as it goes. */
    private List<Task> todo(PrelabelJobRecord job, TaskSource.TaskPage tasks) {
        Set<Long> handled = store.handled(job.id(), tasks.tasks().stream().map(Task::id).filter(Objects::nonNull).toList());
        List<Task> todo = new ArrayList<>();
        List<Long> skipped = new ArrayList<>();
        for (Task task : tasks.tasks()) {
            if (task.id() == null || handled.contains(task.id())) {
                continue;
            }
            if (predictedBy(task, job.version()) || job.onlyUnlabeled() && labelled(task)) {
                skipped.add(task.id());
            } else {
                todo.add(task);
            }
        }
        store.record(job.id(), new TaskOutcomes(List.of(), skipped, tasks.unreadable()));
        return todo;
    }

    /** Writes a batch's predictions, then records its outcomes: a task counts as done only once Label Studio has it. */
    private void write(PrelabelJobRecord job, List<Task> tasks, List<Optional<Prediction>> outcomes, BooleanSupplier cancelled, JobRate rate) {
        List<PredictionSink.TaskPrediction> written = new ArrayList<>();
        List<Long> failed = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            long task = tasks.get(i).id();
            outcomes.get(i).ifPresentOrElse(p -> written.add(new PredictionSink.TaskPrediction(task, p)), () -> failed.add(task));
        }
        patiently(job.id(), cancelled, () -> {
            sink.write(job.projectId(), written);
            return null;
        });
        store.record(job.id(), new TaskOutcomes(written.stream().map(PredictionSink.TaskPrediction::task).toList(), List.of(), failed));
        rate.add(tasks.size());
    }

    /** Waits for the batch being written; its failure (a cancel, a refusal) is the run's. */
    private static void join(CompletableFuture<Void> writing) {
        try {
            writing.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        } catch (CancellationException e) {
            throw new Stopped();
        }
    }

    /** Calls Label Studio until it answers, waiting longer each time it is down and saying so in the job's status. */
    private <T> T patiently(String id, BooleanSupplier cancelled, Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            if (cancelled.getAsBoolean()) {
                throw new Cancelled();
            }
            try {
                T answer = call.get();
                if (attempt > 1) {
                    store.status(id, PrelabelJobState.RUNNING, Optional.empty());
                    LOG.info("pre-label job {}: Label Studio answers again", id);
                }
                return answer;
            } catch (LabelStudioDownException e) {
                Duration wait = patience.after(attempt);
                String why = "waiting for Label Studio (" + e.getMessage() + "); next try in " + wait.toMillis() / 1000.0 + " s";
                store.status(id, PrelabelJobState.RUNNING, Optional.of(why));
                LOG.warn("pre-label job {}: {}", id, why);
                sleep(wait, cancelled);
            }
        }
    }

    private static void sleep(Duration wait, BooleanSupplier cancelled) {
        long until = System.nanoTime() + wait.toNanos();
        try {
            while (System.nanoTime() < until) {
                if (cancelled.getAsBoolean()) {
                    throw new Cancelled();
                }
                Thread.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
    }

    /** Whether Label Studio lists a prediction of {@code version} on the task (its "already predicted" check). */
    static boolean predictedBy(Task task, String version) {
        if (task.predictionsOrEmpty().stream().anyMatch(p -> version.equals(p.modelVersion()))) {
            return true;
        }
        // The data manager's list also names the versions in a text column of its own, comma-separated.
        Object versions = task.extra().get("predictions_model_versions");
        if (versions instanceof String text) {
            return java.util.Arrays.stream(text.split(",")).map(String::strip).anyMatch(version::equals);
        }
        return versions instanceof List<?> list && list.contains(version);
    }

    private static boolean labelled(Task task) {
        return Boolean.TRUE.equals(task.isLabeled()) || task.totalAnnotations() != null && task.totalAnnotations() > 0
                || !task.annotationsOrEmpty().isEmpty();
    }

    /** The job was cancelled: ends the run where it is. */
    private static final class Cancelled extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Cancelled() {
            super("cancelled", null, false, false);
        }
    }

    /** The worker is shutting down: ends the run where it is, the job still to be resumed. */
    private static final class Stopped extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Stopped() {
            super("stopped", null, false, false);
        }
    }
}
