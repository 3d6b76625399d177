package dev.flywheel.backend.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywheel.backend.kind.ActiveVersions;
import dev.flywheel.backend.kind.FakeKind;
import dev.flywheel.backend.kind.TaskKinds;
import dev.flywheel.backend.registry.ModelRegistry;
import dev.flywheel.backend.store.AnnotationStore;
import dev.flywheel.backend.store.FlywheelStore;
import dev.flywheel.backend.store.ProjectDefinition;
import dev.flywheel.backend.store.SqliteStore;
import dev.flywheel.model.json.FlywheelJson;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
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
            FlywheelStore store = slowTrainingSet(sqlite, () -> {
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
