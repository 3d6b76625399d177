package dev.flywheel.backend.store;

import static dev.flywheel.backend.store.StoreFixtures.PROJECT;
import static dev.flywheel.backend.store.StoreFixtures.openWithProject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flywheel.backend.store.PrelabelJobStore.TaskOutcomes;
import dev.flywheel.model.api.PrelabelJobState;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrelabelJobStoreTest {

    @TempDir
    Path home;

    @Test
    void outcomesRecordedTwiceCountOnceSoAReplayedBatchAfterACrashChangesNothing() {
        try (SqliteStore store = openWithProject(home.resolve("flywheel.db"))) {
            PrelabelJobStore jobs = store.prelabelJobs();
            jobs.create("pl-1", PROJECT, "v1-a", true);

            jobs.record("pl-1", new TaskOutcomes(List.of(1L, 2L), List.of(3L), List.of(4L)));
            PrelabelJobRecord again = jobs.record("pl-1", new TaskOutcomes(List.of(1L, 2L, 5L), List.of(3L), List.of()));

            assertThat(again.done()).isEqualTo(3);
            assertThat(again.skipped()).isEqualTo(1);
            assertThat(again.failed()).isEqualTo(1);
            assertThat(jobs.handled("pl-1", List.of(1L, 4L, 6L))).containsExactlyInAnyOrder(1L, 4L);
        }
    }

    @Test
    void aJobKeepsItsPageAndStatusAcrossAReopenAndIsListedUnfinishedUntilItEnds() {
        Path file = home.resolve("flywheel.db");
        try (SqliteStore store = openWithProject(file)) {
            store.prelabelJobs().create("pl-1", PROJECT, "v1-a", false);
            store.prelabelJobs().status("pl-1", PrelabelJobState.RUNNING, Optional.of("waiting for Label Studio"));
            store.prelabelJobs().advance("pl-1", 4, 350);
        }
        try (SqliteStore store = SqliteStore.open(file, StoreFixtures.CLOCK)) {
            PrelabelJobRecord job = store.prelabelJobs().find("pl-1").orElseThrow();
            assertThat(job.nextPage()).isEqualTo(4);
            assertThat(job.total()).isEqualTo(350);
            assertThat(job.onlyUnlabeled()).isFalse();
            assertThat(job.error()).contains("waiting for Label Studio");
            assertThat(store.prelabelJobs().unfinished()).extracting(PrelabelJobRecord::id).containsExactly("pl-1");

            store.prelabelJobs().status("pl-1", PrelabelJobState.DONE, Optional.empty());
            assertThat(store.prelabelJobs().unfinished()).isEmpty();
            assertThat(store.prelabelJobs().list(PROJECT)).extracting(PrelabelJobRecord::status).containsExactly(PrelabelJobState.DONE);
        }
    }

    @Test
    void aJobOfAProjectThatIsNotStoredIsRefused() {
        try (SqliteStore store = openWithProject(home.resolve("flywheel.db"))) {
            assertThatThrownBy(() -> store.prelabelJobs().create("pl-2", 999, "v1-a", true)).isInstanceOf(UnknownEntityException.class);
        }
    }
}
