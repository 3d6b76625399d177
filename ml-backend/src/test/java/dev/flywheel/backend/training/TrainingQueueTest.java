package dev.flywheel.backend.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywheel.backend.kind.FakeKind;
import dev.flywheel.backend.store.AnnotationStore;
import dev.flywheel.backend.store.FlywheelStore;
import dev.flywheel.backend.store.SqliteStore;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import dev.flywheel.backend.kind.RunRequest;
import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.backend.store.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
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
        try (RunnerFixture fixture = RunnerFixture.open(home, PROJECT, new FakeKind("choices", "Choices"), new TrainingPolicy(10, 10, 0.1),
                sqlite -> slowTrainingSet((SqliteStore) sqlite, () -> {
                    await(release);
                    reader.set(Thread.currentThread());
                    read.countDown();
                }))) {
            TrainingRunner runner = fixture.runner;
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

    @Test
    void changesTooFewToEarnARunAreTrainedOnOnceLabellingPauses() throws Exception {
        assertThat(runsAfterAPause(Optional.of(Duration.ofMillis(300))))
                .as("after the pause, a run on the three annotations the policy alone would not train on").isEqualTo(2);
        assertThat(runsAfterAPause(Optional.empty())).as("a policy without the catch-up waits for ten changes").isEqualTo(1);
    }

    /** Twelve annotations earn a first run; three more, then a pause: how many runs there were two seconds later. */
    private int runsAfterAPause(Optional<Duration> catchUp) throws Exception {
        List<Integer> trainedOn = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicReference<SqliteStore> opened = new AtomicReference<>();
        FakeKind kind = new FakeKind("choices", "Choices") {
            @Override
            public ModelManifest train(RunRequest run, Path staging, BooleanSupplier cancelled) {
                trainedOn.add(opened.get().annotations().trainingSet(PROJECT).size());
                return RunnerFixture.manifest(PROJECT, run.version());
            }
        };
        Path dir = Files.createTempDirectory(home, "catch-up");
        try (RunnerFixture fixture = RunnerFixture.open(dir, PROJECT, kind, new TrainingPolicy(10, 10, 0.1, catchUp))) {
            SqliteStore store = fixture.store;
            opened.set(store);
            try (TrainingQueue queue = new TrainingQueue(fixture.runner, project -> Optional.empty(), (published, cancelled) -> {}, Thread::new,
                    Thread::new, () -> {})) {
                for (int id = 1; id <= 15; id++) {
                    store.annotations().save(annotation(id, id % 2 == 0 ? "a" : "b"));
                    queue.annotationsChanged(PROJECT);
                    if (id == 12) {
                        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                        while (store.runs().activeVersion(PROJECT).isEmpty() && System.nanoTime() < deadline) {
                            Thread.sleep(20);
                        }
                        assertThat(store.runs().activeVersion(PROJECT)).as("the first run").isPresent();
                    }
                }
                Thread.sleep(2_000);
                if (trainedOn.size() > 1) {
                    assertThat(trainedOn.getLast()).as("the catch-up run read all fifteen").isEqualTo(15);
                }
                return trainedOn.size();
            }
        }
    }

    private static Annotation annotation(long id, String label) {
        String result = "[{\"from_name\":\"choice\",\"to_name\":\"image\",\"type\":\"choices\",\"value\":{\"choices\":[\"" + label
                + "\"]}}]";
        return new Annotation(PROJECT, id, id, Optional.of(1L), Optional.empty(), Optional.empty(), Optional.empty(), result, List.of(label),
                false, false);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The store, with a training set that waits for {@code beforeRead} before it is read. Everything else goes to the
     * real store unchanged (a proxy, so the test does not restate every repository), except {@code close}: the test
     * closes the real store itself.
     */
    private static FlywheelStore slowTrainingSet(SqliteStore store, Runnable beforeRead) {
        AnnotationStore annotations = store.annotations();
        AnnotationStore slow = proxy(AnnotationStore.class, (method, args) -> {
            if (method.getName().equals("trainingSet")) {
                beforeRead.run();
            }
            return method.invoke(annotations, args);
        });
        return proxy(FlywheelStore.class, (method, args) -> switch (method.getName()) {
            case "annotations" -> slow;
            case "close" -> null;
            default -> method.invoke(store, args);
        });
    }

    private interface Call {
        Object on(Method method, Object[] args) throws ReflectiveOperationException;
    }

    private static <T> T proxy(Class<T> type, Call call) {
        InvocationHandler handler = (self, method, args) -> {
            try {
                return call.on(method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
