package dev.flywheel.backend.store;

import static dev.flywheel.backend.store.StoreFixtures.CLOCK;
import static dev.flywheel.backend.store.StoreFixtures.PROJECT;
import static dev.flywheel.backend.store.StoreFixtures.annotation;
import static dev.flywheel.backend.store.StoreFixtures.saveAtOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flywheel.backend.config.DatabaseConfig;
import dev.flywheel.backend.config.Secret;
import dev.flywheel.backend.testing.TestPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** Two stores on one PostgreSQL database, as two replicas are: their writes serialise as one process's would. */
class PostgresReplicaWritesTest {

    @Test
    void theSameAnnotationsSavedByTwoReplicasAtOnceAreStoredOnceWithOneSequenceEach() throws Exception {
        TestPostgres postgres = TestPostgres.shared();
        DatabaseConfig database = postgres.database("replica_writes");
        try (PostgresStore first = PostgresStore.open(database, CLOCK); PostgresStore second = PostgresStore.open(database, CLOCK)) {
            first.projects().save(StoreFixtures.project(PROJECT, "cat", "dog"));
            List<Callable<WriteOutcome>> saves = new ArrayList<>();
            for (long id = 1; id <= 200; id++) {
                Annotation event = annotation(id, id, id % 2 == 0 ? "dog" : "cat");
                for (PostgresStore replica : List.of(first, second)) {
                    saves.add(() -> replica.annotations().save(event));
                }
            }
            List<WriteOutcome> results = saveAtOnce(16, saves);

            assertThat(results).filteredOn(WriteOutcome.CREATED::equals).hasSize(200);
            assertThat(results).filteredOn(WriteOutcome.UNCHANGED::equals).hasSize(200);
            assertThat(second.dataset().counts(PROJECT).annotations()).isEqualTo(200);
            assertThat(first.annotations().latestSequence(PROJECT)).as("one sequence number per stored change").isEqualTo(200);
        }
    }

    @Test
    void aWrongPasswordStopsTheStoreWithoutThePasswordInTheMessage() {
        TestPostgres postgres = TestPostgres.shared();
        postgres.createDatabase("wrong_password");
        DatabaseConfig wrong = new DatabaseConfig(postgres.url("wrong_password"), Optional.of(TestPostgres.USER),
                Optional.of(new Secret("not-the-password-4711")), 2);

        assertThatThrownBy(() -> PostgresStore.open(wrong, CLOCK))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot connect to PostgreSQL at " + postgres.url("wrong_password"))
                .hasMessageNotContaining("not-the-password-4711");
        assertThat(wrong.toString()).doesNotContain("not-the-password-4711");
    }
}
