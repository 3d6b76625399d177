package dev.flywheel.backend.store;

import static dev.flywheel.backend.store.StoreFixtures.PROJECT;
import static dev.flywheel.backend.store.StoreFixtures.annotation;
import static dev.flywheel.backend.store.StoreFixtures.openWithProject;
import static dev.flywheel.backend.store.StoreFixtures.saveAtOnce;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentWritesTest {

    @TempDir
    Path home;

    @Test
    void thirtyTwoThreadsWritingAThousandEventsWithAHundredReplaysLeaveNineHundredAnnotations() throws Exception {
        List<Annotation> events = new ArrayList<>();
        for (long id = 1; id <= 900; id++) {
            events.add(annotation(id, id, id % 3 == 0 ? "dog" : "cat"));
        }
        for (long id = 1; id <= 100; id++) {
            events.add(annotation(id * 9, id * 9, (id * 9) % 3 == 0 ? "dog" : "cat"));
        }
        Collections.shuffle(events, new Random(42));

        try (SqliteStore store = openWithProject(home.resolve("flywheel.db"))) {
            List<Callable<WriteOutcome>> saves = new ArrayList<>();
            for (Annotation event : events) {
                saves.add(() -> {
                    store.dataset().counts(PROJECT); // reads interleave with the writes
                    return store.annotations().save(event);
                });
            }
            List<WriteOutcome> results = saveAtOnce(32, saves);

            assertThat(results).filteredOn(WriteOutcome.CREATED::equals).hasSize(900);
            assertThat(results).filteredOn(WriteOutcome.UNCHANGED::equals).hasSize(100);
            assertThat(store.dataset().counts(PROJECT).annotations()).isEqualTo(900);
            assertThat(store.annotations().countChangedSince(PROJECT, 0)).isEqualTo(900);
            assertThat(store.annotations().latestSequence(PROJECT)).isEqualTo(900);
            assertThat(store.annotations().trainingSet(PROJECT)).hasSize(900);
        }
    }

    @Test
    void aReadIsAnsweredFromTheLastCommitWhileAWriteTransactionIsOpen() throws Exception {
        try (SqliteStore store = openWithProject(home.resolve("flywheel.db"))) {
            store.annotations().save(annotation(1, 1, "cat"));
            CountDownLatch writing = new CountDownLatch(1);
            CountDownLatch readDone = new CountDownLatch(1);
            Thread writer = Thread.ofPlatform().start(() -> store.database().write(connection -> {
                try (PreparedStatement delete = connection.prepareStatement("UPDATE annotation SET deleted = 1")) {
                    delete.executeUpdate();
                }
                writing.countDown();
                return awaitQuietly(readDone);
            }));
            assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();

            long duringWrite = store.dataset().counts(PROJECT).annotations();
            readDone.countDown();
            writer.join();

            assertThat(duringWrite).isEqualTo(1);
            assertThat(store.dataset().counts(PROJECT).annotations()).isZero();
        }
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
