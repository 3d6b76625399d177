package dev.flywheel.backend.store;

import static dev.flywheel.backend.store.StoreFixtures.CREATED;
import static dev.flywheel.backend.store.StoreFixtures.PROJECT;
import static dev.flywheel.backend.store.StoreFixtures.annotation;
import static dev.flywheel.backend.store.StoreFixtures.skipped;
import static dev.flywheel.backend.store.StoreFixtures.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
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
class AnnotationStoreTest {

    @Parameter
    Vendor vendor;

    @TempDir
    Path home;

    JdbcStore store;
    AnnotationStore annotations;

    @BeforeEach
    void open() {
        store = vendor.openWithProject(home);
        annotations = store.annotations();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void anUpdateWithTheSameAnnotationIdReplacesTheResultAndTakesANewSequence() {
        assertThat(annotations.save(annotation(16, 5, "cat"))).isEqualTo(WriteOutcome.CREATED);
        long firstSequence = annotations.find(PROJECT, 16).orElseThrow().changeSequence();

        WriteOutcome outcome = annotations.save(annotation(16, 5, "dog", 1, CREATED.plusSeconds(60)));

        StoredAnnotation stored = annotations.find(PROJECT, 16).orElseThrow();
        assertThat(outcome).isEqualTo(WriteOutcome.UPDATED);
        assertThat(stored.annotation().labels()).containsExactly("dog");
        assertThat(stored.annotation().resultJson()).contains("\"dog\"");
        assertThat(stored.changeSequence()).isGreaterThan(firstSequence);
        assertThat(store.dataset().counts(PROJECT).annotations()).isEqualTo(1);
    }

    @Test
    void aReplayedEventIsCountedOnceAndKeepsItsSequence() {
        annotations.save(annotation(17, 19, "cat"));
        long sequence = annotations.find(PROJECT, 17).orElseThrow().changeSequence();

        WriteOutcome replay = annotations.save(annotation(17, 19, "cat"));

        assertThat(replay).isEqualTo(WriteOutcome.UNCHANGED);
        assertThat(annotations.find(PROJECT, 17).orElseThrow().changeSequence()).isEqualTo(sequence);
        assertThat(annotations.countChangedSince(PROJECT, 0)).isEqualTo(1);
        assertThat(annotations.latestSequence(PROJECT)).isEqualTo(sequence);
    }

    @Test
    void anOlderUpdateArrivingLateDoesNotOverwriteANewerOne() {
        annotations.save(annotation(3, 1, "dog", 1, CREATED.plusSeconds(60)));

        WriteOutcome late = annotations.save(annotation(3, 1, "cat", 1, CREATED));

        assertThat(late).isEqualTo(WriteOutcome.UNCHANGED);
        assertThat(annotations.find(PROJECT, 3).orElseThrow().annotation().labels()).containsExactly("dog");
    }

    @Test
    void countChangedSinceCountsOnlyAnnotationsChangedAfterTheSequence() {
        annotations.save(annotation(1, 1, "cat"));
        annotations.save(annotation(2, 2, "cat"));
        long trainedAt = annotations.latestSequence(PROJECT);

        annotations.save(annotation(3, 3, "dog"));
        annotations.save(annotation(1, 1, "dog", 1, CREATED.plusSeconds(5)));

        assertThat(annotations.countChangedSince(PROJECT, trainedAt)).isEqualTo(2);
    }

    @Test
    void aSkippedAnnotationIsKeptButNeverInTheTrainingSet() {
        annotations.save(annotation(1, 1, "cat"));
        annotations.save(skipped(2, 2));

        assertThat(annotations.find(PROJECT, 2).orElseThrow().annotation().wasCancelled()).isTrue();
        assertThat(annotations.trainingSet(PROJECT)).extracting(LabeledAnnotation::annotationId).containsExactly(1L);
        assertThat(store.dataset().counts(PROJECT)).isEqualTo(new DatasetCounts(2, 1, 1, 1));
    }

    @Test
    void aDeletedAnnotationLeavesTheTrainingSetAndStaysDeletedWhenItsCreationIsReplayed() {
        annotations.save(annotation(1, 1, "cat"));
        annotations.save(annotation(2, 2, "dog"));
        long beforeDelete = annotations.latestSequence(PROJECT);

        int deleted = annotations.markDeleted(PROJECT, List.of(2L, 99L));
        WriteOutcome replay = annotations.save(annotation(2, 2, "dog", 1, CREATED.plusSeconds(1)));

        assertThat(deleted).isEqualTo(1);
        assertThat(replay).isEqualTo(WriteOutcome.UNCHANGED);
        assertThat(annotations.find(PROJECT, 2).orElseThrow().deleted()).isTrue();
        assertThat(annotations.countChangedSince(PROJECT, beforeDelete)).isEqualTo(1);
        assertThat(annotations.trainingSet(PROJECT)).extracting(LabeledAnnotation::annotationId).containsExactly(1L);
    }

    @Test
    void annotationsOfADeletedTaskLeaveTheTrainingSet() {
        store.tasks().saveAll(List.of(task(1), task(2)));
        annotations.save(annotation(1, 1, "cat"));
        annotations.save(annotation(2, 2, "dog"));

        store.tasks().markDeleted(PROJECT, List.of(2L));

        assertThat(annotations.trainingSet(PROJECT)).singleElement().satisfies(labeled -> {
            assertThat(labeled.taskId()).isEqualTo(1);
            assertThat(labeled.imageRef()).contains("/data/upload/1/img-1.jpg");
            assertThat(labeled.labels()).containsExactly("cat");
            assertThat(labeled.annotatorId()).contains(1L);
            assertThat(labeled.leadTimeSeconds()).contains(11.0);
        });
    }

    @Test
    void anAnnotationOfAnUnknownProjectIsRefused() {
        Annotation stranger = new Annotation(404, 1, 1, annotation(1, 1, "cat").completedBy(), Optional.empty(),
                Optional.empty(), Optional.empty(), "[]", List.of(), false, false);

        assertThatThrownBy(() -> annotations.save(stranger)).isInstanceOf(UnknownEntityException.class);
        assertThat(annotations.find(404, 1)).isEmpty();
    }
}
