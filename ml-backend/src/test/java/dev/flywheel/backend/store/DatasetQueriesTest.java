package dev.flywheel.backend.store;

import static dev.flywheel.backend.store.StoreFixtures.CREATED;
import static dev.flywheel.backend.store.StoreFixtures.PROJECT;
import static dev.flywheel.backend.store.StoreFixtures.annotation;
import static dev.flywheel.backend.store.StoreFixtures.skipped;
import static dev.flywheel.backend.store.StoreFixtures.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/** Runs on SQLite and on PostgreSQL: the store contract is one. */
@ParameterizedClass
@EnumSource(Vendor.class)
class DatasetQueriesTest {

    @Parameter
    Vendor vendor;

    @TempDir
    Path home;

    JdbcStore store;

    @BeforeEach
    void open() {
        store = vendor.openWithProject(home);
        store.tasks().saveAll(List.of(task(1), task(2), task(3), task(4)));
        store.annotations().save(annotation(1, 1, "cat", 1, CREATED));
        store.annotations().save(annotation(2, 1, "dog", 2, CREATED));
        store.annotations().save(annotation(3, 2, "cat", 1, CREATED));
        store.annotations().save(skipped(4, 3));
        store.annotations().save(annotation(5, 2, "cat", 2, CREATED));
        store.annotations().markDeleted(PROJECT, List.of(5L));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void countsLeaveOutDeletedAnnotationsAndTellSkippedApart() {
        assertThat(store.dataset().counts(PROJECT)).isEqualTo(new DatasetCounts(4, 2, 3, 1));
    }

    @Test
    void classCountsAreMostFrequentFirst() {
        assertThat(store.dataset().classCounts(PROJECT))
                .containsExactly(new ClassCount("cat", 2), new ClassCount("dog", 1));
    }

    @Test
    void annotatorsCarryTheirLeadTimesAscending() {
        assertThat(store.dataset().annotators(PROJECT)).containsExactly(
                new AnnotatorActivity(1, 2, List.of(11.0, 13.0)), new AnnotatorActivity(2, 1, List.of(12.0)));
    }

    @Test
    void onlyTasksWithSeveralUsableAnnotationsAreListedForAgreement() {
        var several = store.dataset().tasksWithSeveralAnnotations(PROJECT);

        assertThat(several).containsOnlyKeys(1L);
        assertThat(several.get(1L)).extracting(LabeledAnnotation::labels)
                .containsExactly(List.of("cat"), List.of("dog"));
    }

    @Test
    void theLatestPredictionPerTaskIsTheLastOneServed() {
        store.predictions().record(prediction(1, "v1", "dog", CREATED));
        store.predictions().record(prediction(1, "v2", "cat", CREATED.plusSeconds(9)));
        store.predictions().record(prediction(2, "v1", "dog", CREATED));

        var latest = store.predictions().latestPerTask(PROJECT);

        assertThat(latest).containsOnlyKeys(1L, 2L);
        assertThat(latest.get(1L).modelVersion()).isEqualTo("v2");
        assertThat(store.predictions().latest(PROJECT, 2).orElseThrow().labels()).containsExactly("dog");
        assertThat(store.predictions().latest(PROJECT, 3)).isEmpty();
    }

    @Test
    void aBatchOfPredictionsIsRecordedTogetherInRequestOrder() {
        store.predictions().recordAll(List.of(prediction(1, "v1", "dog", CREATED), prediction(2, "v1", "cat", CREATED),
                prediction(1, "v2", "cat", CREATED.plusSeconds(1))));

        var latest = store.predictions().latestPerTask(PROJECT);

        assertThat(latest).containsOnlyKeys(1L, 2L);
        assertThat(latest.get(1L).modelVersion()).isEqualTo("v2");
        assertThat(latest.get(2L).labels()).containsExactly("cat");
    }

    @Test
    void aBatchNamingAnUnknownProjectRecordsNothing() {
        ServedPrediction unknown = new ServedPrediction(99, 1, "v1", List.of("dog"), "[]", Optional.empty(), Optional.empty(), CREATED);

        assertThatThrownBy(() -> store.predictions().recordAll(List.of(prediction(1, "v1", "dog", CREATED), unknown)))
                .isInstanceOf(UnknownEntityException.class);
        assertThat(store.predictions().latestPerTask(PROJECT)).isEmpty();
    }

    @Test
    void aChangedLabelConfigStartsANewRevisionAndKeepsTheOldOne() {
        store.projects().save(StoreFixtures.project(PROJECT, "cat", "dog"));
        Project changed = store.projects().save(StoreFixtures.project(PROJECT, "cat", "dog", "bird"));

        assertThat(changed.configRevision()).isEqualTo(2);
        assertThat(changed.labels()).containsExactly("cat", "dog", "bird");
        assertThat(store.projects().configHistory(PROJECT)).extracting(LabelConfigRevision::labels)
                .containsExactly(List.of("cat", "dog"), List.of("cat", "dog", "bird"));
    }

    private static ServedPrediction prediction(long taskId, String version, String label, Instant at) {
        return new ServedPrediction(PROJECT, taskId, version, List.of(label), "[]", Optional.of(0.7),
                Optional.empty(), at);
    }
}
