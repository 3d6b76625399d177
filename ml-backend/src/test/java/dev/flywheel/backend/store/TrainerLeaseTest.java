package dev.flywheel.backend.store;

import static dev.flywheel.backend.store.StoreFixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flywheel.backend.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/** The trainer lease: one holder among the processes sharing a PostgreSQL database, handed on when its session ends. */
class TrainerLeaseTest {

    @Test
    void oneReplicaHoldsTheLeaseAndTheNextTakesItWhenTheHolderLetsGo() throws Exception {
        try (PostgresStore store = PostgresStore.open(TestPostgres.shared().database("lease_handover"), CLOCK);
                TrainerLease second = store.trainerLease()) {
            TrainerLease first = store.trainerLease(); // let go of below, as a replica that stops does
            assertThat(first.tryAcquire()).isTrue();
            assertThat(first.tryAcquire()).as("held, and still held when asked again").isTrue();
            assertThat(second.tryAcquire()).isFalse();
            assertThat(second.held()).isFalse();

            letGo(first);

            assertThat(takenWithinSeconds(second)).as("the server frees the lock as the session ends").isTrue();
            assertThat(second.held()).isTrue();
            assertThat(first.held()).isFalse();
        }
    }

    @Test
    void whenTheHoldersSessionDiesAsWithKillMinusNineAnotherTakesTheLeaseAndTheOldHolderKnowsItLostIt() throws Exception {
        TestPostgres postgres = TestPostgres.shared();
        try (PostgresStore store = PostgresStore.open(postgres.database("lease_killed"), CLOCK);
                TrainerLease holder = store.trainerLease(); TrainerLease standby = store.trainerLease()) {
            assertThat(holder.tryAcquire()).isTrue();
            assertThat(standby.tryAcquire()).isFalse();

            // What the server sees when the holder's process is killed: its session ends, and the lock with it.
            try (Connection admin = postgres.connect("lease_killed"); PreparedStatement kill = admin.prepareStatement(
                    "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted"
                            + " AND ((classid::bigint << 32) | objid::bigint) = ?")) {
                kill.setLong(1, PostgresTrainerLease.KEY);
                try (ResultSet terminated = kill.executeQuery()) {
                    assertThat(terminated.next()).as("the lease is a granted advisory lock of one session").isTrue();
                }
            }

            assertThat(takenWithinSeconds(standby)).isTrue();
            assertThat(holder.tryAcquire()).as("the old holder finds its lease gone and cannot take it back").isFalse();
            assertThat(holder.held()).isFalse();
        }
    }

    /** Tries as the coordinator does, again and again: a session ends a moment after its client lets go. */
    private static boolean takenWithinSeconds(TrainerLease lease) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        while (!lease.tryAcquire()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    private static void letGo(AutoCloseable lease) throws Exception {
        lease.close();
    }

    @Test
    void aProcessAloneWithItsSqliteFileAlwaysHoldsTheLease() {
        try (TrainerLease solo = TrainerLease.solo()) {
            assertThat(solo.tryAcquire()).isTrue();
            assertThat(solo.held()).isTrue();
        }
    }
}
