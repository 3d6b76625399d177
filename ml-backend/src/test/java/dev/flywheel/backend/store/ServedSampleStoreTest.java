package dev.flywheel.backend.store;

import static dev.flywheel.backend.store.StoreFixtures.CREATED;
import static dev.flywheel.backend.store.StoreFixtures.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/** Runs on SQLite and on PostgreSQL: the store contract is one. */
@ParameterizedClass
@EnumSource(Vendor.class)
class ServedSampleStoreTest {

    @Parameter
    Vendor vendor;

    @TempDir
    Path home;

    @Test
    void aBatchIsReadBackPerVersionOldestFirstWithItsEmbeddingIntact() {
        try (JdbcStore store = vendor.openWithProject(home)) {
            store.samples().recordAll(List.of(sample("v1-a", 0), sample("v2-b", 1), sample("v1-a", 2)));

            List<ServedSample> v1 = store.samples().recent(PROJECT, "v1-a", 100);

            assertThat(v1).extracting(ServedSample::brightness).containsExactly(0.0, 0.2);
            assertThat(v1.get(1).embedding()).containsExactly(2f, -2f, 0.5f);
            assertThat(v1.get(1).servedAt()).isEqualTo(CREATED.plusSeconds(2));
            assertThat(v1.get(1).aspectRatio()).isEqualTo(2.0);
            assertThat(store.samples().recent(PROJECT, "v2-b", 100)).hasSize(1);
            assertThat(store.samples().recent(PROJECT, "v1-a", 1)).extracting(ServedSample::brightness).containsExactly(0.2);
        }
    }

    @Test
    void aSampleKeepsTheTaskAndImageItWasServedForAndOneWithoutATaskReadsBackWithout() {
        try (JdbcStore store = vendor.openWithProject(home)) {
            ServedSample withTask = new ServedSample(PROJECT, "v1-a", CREATED, new float[] {1f}, 0.5, 0.1, 200, 100, 2.0,
                    Optional.of(42L), Optional.of("/data/upload/1/42.png"));
            store.samples().recordAll(List.of(withTask, sample("v1-a", 1)));

            List<ServedSample> read = store.samples().recent(PROJECT, "v1-a", 100);

            assertThat(read.get(0).taskId()).contains(42L);
            assertThat(read.get(0).imageRef()).contains("/data/upload/1/42.png");
            assertThat(read.get(1).taskId()).isEmpty();
            assertThat(read.get(1).imageRef()).isEmpty();
        }
    }

    @Test
    void eachProjectKeepsOnlyItsNewestSamplesWithinTheBound() {
        try (JdbcStore store = vendor.openWithProject(home)) {
            ServedSampleStore bounded = new JdbcServedSamples(store.database(), 3);
            List<ServedSample> batch = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                batch.add(sample("v1-a", i));
            }
            bounded.recordAll(batch);
            bounded.recordAll(List.of(sample("v1-a", 5)));

            assertThat(bounded.recent(PROJECT, "v1-a", 100)).extracting(ServedSample::brightness).containsExactly(0.3, 0.4, 0.5);
        }
    }

    private static ServedSample sample(String version, int i) {
        return new ServedSample(PROJECT, version, CREATED.plusSeconds(i), new float[] {i, -i, 0.5f}, i / 10.0, 0.1, 200, 100, 2.0);
    }
}
