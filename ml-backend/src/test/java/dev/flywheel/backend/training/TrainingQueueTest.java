package dev.flywheel.backend.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywheel.backend.kind.ActiveVersions;
import dev.flywheel.backend.kind.FakeKind;
import dev.flywheel.backend.kind.TaskKinds;
import dev.flywheel.backend.registry.ModelRegistry;
import dev.flywheel.backend.store.Annotation;
import dev.flywheel.backend.store.AnnotationResult;
import dev.flywheel.backend.store.AnnotationStore;
import dev.flywheel.backend.store.DatasetQueries;
import dev.flywheel.backend.store.FlywheelStore;
import dev.flywheel.backend.store.LabeledAnnotation;
import dev.flywheel.backend.store.PredictionStore;
import dev.flywheel.backend.store.ProjectDefinition;
import dev.flywheel.backend.store.ProjectStore;
import dev.flywheel.backend.store.ServedSampleStore;
import dev.flywheel.backend.store.SqliteStore;
import dev.flywheel.backend.store.StoredAnnotation;
import dev.flywheel.backend.store.TaskStore;
import dev.flywheel.backend.store.TrainingRunStore;
import dev.flywheel.backend.store.WriteOutcome;
import dev.flywheel.model.json.FlywheelJson;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingQueueTest {

    private static final long PROJECT = 2;

    @TempDir
    Path home;

    @Test
    void reportingChangedAnnotationsReturnsBeforeTheTrainingSetIsRead() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch read = new CountDownLatch(1);
        AtomicReference<Thread> reader = new AtomicReference<>();
        try (SqliteStore sqlite = SqliteStore.openInHome(home, Clock.systemUTC())) {
            sqlite.projects().save(new ProjectDefinition(PROJECT, "p", "<View/>", List.of("a", "b"), "choices"));
            FlywheelStore store = new SlowTrainingSet(sqlite, () -> {
                await(release);
                reader.set(Thread.currentThread());
                read.countDown();
            });
            TaskKinds kinds = new TaskKinds(List.of(new FakeKind("choices", "Choices")));
            ModelRegistry registry = new ModelRegistry(home.resolve("models"), FlywheelJson.newMapper());
            TrainingRunner runner = new TrainingRunner(store, registry, kinds, new TrainingPolicy(10, 10, 0.1), FlywheelJson.newMapper(),
                    new ActiveVersions(kinds, registry, store.runs()::activeVersion));
            try (TrainingQueue queue = new TrainingQueue(runner, project -> Optional.empty(), (published, cancelled) -> {}, Thread::new,
                    Thread::new, () -> {})) {

                queue.annotationsChanged(PROJECT);

                assertThat(read.getCount()).as("the training set is still unread when the caller has its answer").isEqualTo(1);
                release.countDown();
                assertThat(read.await(30, TimeUnit.SECONDS)).as("the policy read the training set").isTrue();
                assertThat(reader.get()).isNotSameAs(Thread.currentThread());
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The store, with a training set that waits for {@code beforeRead} before it is read. */
    private record SlowTrainingSet(SqliteStore store, Runnable beforeRead) implements FlywheelStore {

        @Override
        public ProjectStore projects() {
            return store.projects();
        }

        @Override
        public TaskStore tasks() {
            return store.tasks();
        }

        @Override
        public AnnotationStore annotations() {
            AnnotationStore annotations = store.annotations();
            return new AnnotationStore() {
                @Override
                public WriteOutcome save(Annotation annotation) {
                    return annotations.save(annotation);
                }

                @Override
                public int markDeleted(long projectId, Collection<Long> annotationIds) {
                    return annotations.markDeleted(projectId, annotationIds);
                }

                @Override
                public Optional<StoredAnnotation> find(long projectId, long annotationId) {
                    return annotations.find(projectId, annotationId);
                }

                @Override
                public long latestSequence(long projectId) {
                    return annotations.latestSequence(projectId);
                }

                @Override
                public long countChangedSince(long projectId, long sequence) {
                    return annotations.countChangedSince(projectId, sequence);
                }

                @Override
                public List<LabeledAnnotation> trainingSet(long projectId) {
                    beforeRead.run();
                    return annotations.trainingSet(projectId);
                }

                @Override
                public List<AnnotationResult> trainingResults(long projectId) {
                    return annotations.trainingResults(projectId);
                }
            };
        }

        @Override
        public DatasetQueries dataset() {
            return store.dataset();
        }

        @Override
        public PredictionStore predictions() {
            return store.predictions();
        }

        @Override
        public TrainingRunStore runs() {
            return store.runs();
        }

        @Override
        public ServedSampleStore samples() {
            return store.samples();
        }

        @Override
        public dev.flywheel.backend.store.PrelabelJobStore prelabelJobs() {
            return store.prelabelJobs();
        }

        @Override
        public void close() {}
    }
}
