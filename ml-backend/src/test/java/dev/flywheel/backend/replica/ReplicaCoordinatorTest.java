package dev.flywheel.backend.replica;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywheel.backend.config.DatabaseConfig;
import dev.flywheel.backend.store.Annotation;
import dev.flywheel.backend.store.PostgresStore;
import dev.flywheel.backend.store.ProjectDefinition;
import dev.flywheel.backend.store.RunResult;
import dev.flywheel.backend.store.TrainerLease;
import dev.flywheel.backend.testing.TestPostgres;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Two replicas' coordinators on one PostgreSQL database, each with its own store and lease, as two processes have. */
class ReplicaCoordinatorTest {

    private static final long PROJECT = 3;
    private static final Clock CLOCK = Clock.systemUTC();

    @Test
    void aVersionActivatedOnOneReplicaReachesTheOtherAndOnlyTheHolderHearsOfAnnotationsStoredElsewhere() throws Exception {
        DatabaseConfig database = TestPostgres.shared().database("coordinator_versions");
        try (PostgresStore here = PostgresStore.open(database, CLOCK); PostgresStore there = PostgresStore.open(database, CLOCK);
                TrainerLease hereLease = here.trainerLease(); TrainerLease thereLease = there.trainerLease()) {
            there.projects().save(new ProjectDefinition(PROJECT, "P", "<View/>", List.of("cat", "dog"), "image_classification"));
            Recording heard = new Recording();
            Recording standbyHeard = new Recording();
            assertThat(hereLease.tryAcquire()).isTrue();
            try (ReplicaCoordinator coordinator = new ReplicaCoordinator(here, hereLease, heard, Thread::new);
                    ReplicaCoordinator standby = new ReplicaCoordinator(there, thereLease, standbyHeard, Thread::new)) {
                coordinator.start(ReplicaCoordinator.DEFAULT_PERIOD);
                standby.start(ReplicaCoordinator.DEFAULT_PERIOD);
                await(() -> heard.changed.get() >= 1, "the holder asks the policy about every project once");

                there.runs().queue(PROJECT, "v1", Optional.empty());
                there.runs().start(PROJECT, "v1", 0);
                there.runs().finish(PROJECT, "v1", new RunResult(8, 10, "{}", "models/3/v1/manifest.json"));
                Instant activated = Instant.now();
                there.runs().activate(PROJECT, "v1");

                await(() -> Optional.of("v1").equals(heard.versions.get(PROJECT)), "the other replica hears of v1");
                assertThat(Duration.between(activated, Instant.now())).isLessThan(Duration.ofSeconds(2));
                int before = heard.changed.get();
                there.annotations().save(new Annotation(PROJECT, 1, 1, Optional.of(1L), Optional.empty(), Optional.empty(),
                        Optional.empty(), "[]", List.of("cat"), false, false));
                await(() -> heard.changed.get() > before, "the holder hears of the annotation the other replica stored");
                assertThat(standbyHeard.changed.get()).as("a replica without the lease runs no policy").isZero();
                assertThat(standbyHeard.tookOver.get()).isZero();
            }
        }
    }

    @Test
    void whenTheHolderGoesTheStandbyTakesOverRecoversFirstThenAsksAboutEveryProject() throws Exception {
        DatabaseConfig database = TestPostgres.shared().database("coordinator_takeover");
        try (PostgresStore store = PostgresStore.open(database, CLOCK); TrainerLease standbyLease = store.trainerLease()) {
            TrainerLease holder = store.trainerLease(); // let go of below, as a replica that stops does
            store.projects().save(new ProjectDefinition(PROJECT, "P", "<View/>", List.of("cat", "dog"), "image_classification"));
            assertThat(holder.tryAcquire()).isTrue();
            Recording heard = new Recording();
            try (ReplicaCoordinator standby = new ReplicaCoordinator(store, standbyLease, heard, Thread::new)) {
                standby.start(Duration.ofMillis(100));
                await(() -> heard.versions.containsKey(PROJECT), "the standby ticks");
                assertThat(heard.tookOver.get()).isZero();

                letGo(holder);

                await(() -> heard.changed.get() >= 1, "the standby takes the lease and asks about the project");
                assertThat(heard.tookOver.get()).isEqualTo(1);
                assertThat(heard.order).startsWith("recover", "changed " + PROJECT);
                assertThat(standbyLease.held()).isTrue();
            }
        }
    }

    private static void letGo(AutoCloseable lease) throws Exception {
        lease.close();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s: " + what);
            }
            Thread.sleep(20);
        }
    }

    /** Hooks that record what the coordinator told them. */
    private static final class Recording implements ReplicaCoordinator.Hooks {

        final Map<Long, Optional<String>> versions = new ConcurrentHashMap<>();
        final AtomicInteger changed = new AtomicInteger();
        final AtomicInteger tookOver = new AtomicInteger();
        final List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void activeVersion(long project, Optional<String> version) {
            versions.put(project, version);
        }

        @Override
        public void tookOver() {
            tookOver.incrementAndGet();
            order.add("recover");
        }

        @Override
        public void changed(long project) {
            changed.incrementAndGet();
            order.add("changed " + project);
        }
    }
}
