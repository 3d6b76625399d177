package dev.flywheel.backend.store;

import dev.flywheel.model.api.ModelStatus;
import static dev.flywheel.backend.store.StoreFixtures.CLOCK;
import static dev.flywheel.backend.store.StoreFixtures.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/** Runs on SQLite and on PostgreSQL: the store contract is one. */
@ParameterizedClass
@EnumSource(Vendor.class)
class TrainingRunStoreTest {

    @Parameter
    Vendor vendor;

    private static final RunResult RESULT = new RunResult(80, 100, "{\"accuracy\":0.9}", "models/v1/manifest.json");

    @TempDir
    Path home;

    @Test
    void aRunMovesFromQueuedThroughTrainingToReadyAndNeverBack() {
        try (JdbcStore store = vendor.openWithProject(home)) {
            TrainingRunStore runs = store.runs();
            assertThat(runs.queue(PROJECT, "v1", Optional.empty()).status()).isEqualTo(ModelStatus.QUEUED);
            assertThat(runs.start(PROJECT, "v1", 42).trainedThroughSequence()).contains(42L);

            TrainingRun ready = runs.finish(PROJECT, "v1", RESULT);

            assertThat(ready.status()).isEqualTo(ModelStatus.READY);
            assertThat(ready.result()).contains(RESULT);
            assertThat(ready.startedAt()).isPresent();
            assertThat(ready.finishedAt()).isPresent();
            assertThatThrownBy(() -> runs.fail(PROJECT, "v1", "late")).isInstanceOf(RunStateException.class);
            assertThatThrownBy(() -> runs.start(PROJECT, "v1", 43)).isInstanceOf(RunStateException.class);
            assertThat(runs.find(PROJECT, "v1").orElseThrow()).isEqualTo(ready);
        }
    }

    @Test
    void aQueuedRunCannotSkipTrainingAndAVersionCannotBeQueuedTwice() {
        try (JdbcStore store = vendor.openWithProject(home)) {
            store.runs().queue(PROJECT, "v1", Optional.empty());

            assertThatThrownBy(() -> store.runs().finish(PROJECT, "v1", RESULT)).isInstanceOf(RunStateException.class);
            assertThatThrownBy(() -> store.runs().queue(PROJECT, "v1", Optional.empty()))
                    .isInstanceOf(RunStateException.class);
            assertThat(store.runs().find(PROJECT, "v1").orElseThrow().status()).isEqualTo(ModelStatus.QUEUED);
        }
    }

    @Test
    void activatingAnUnreadyVersionIsRefusedAndKeepsTheActiveVersion() {
        try (JdbcStore store = vendor.openWithProject(home)) {
            TrainingRunStore runs = store.runs();
            ready(runs, "v1", Optional.empty());
            runs.activate(PROJECT, "v1");
            runs.queue(PROJECT, "v2", Optional.of("v1"));

            assertThatThrownBy(() -> runs.activate(PROJECT, "v2")).isInstanceOf(RunStateException.class);
            assertThatThrownBy(() -> runs.activate(PROJECT, "nope")).isInstanceOf(RunStateException.class);
            assertThat(runs.activeVersion(PROJECT)).contains("v1");

            runs.start(PROJECT, "v2", 1);
            runs.finish(PROJECT, "v2", RESULT);
            runs.activate(PROJECT, "v2");
            assertThat(store.projects().find(PROJECT).orElseThrow().activeVersion()).contains("v2");
        }
    }

    @Test
    void aParentVersionMustExist() {
        try (JdbcStore store = vendor.openWithProject(home)) {
            assertThatThrownBy(() -> store.runs().queue(PROJECT, "v2", Optional.of("v1")))
                    .isInstanceOf(UnknownEntityException.class);
            assertThat(store.runs().list(PROJECT)).isEmpty();
        }
    }

    @Test
    void versionsAreListedNewestFirst() {
        try (JdbcStore store = vendor.openWithProject(home)) {
            ready(store.runs(), "v1", Optional.empty());
            ready(store.runs(), "v2", Optional.of("v1"));
            store.runs().queue(PROJECT, "v3", Optional.of("v2"));

            assertThat(store.runs().list(PROJECT)).extracting(TrainingRun::version).containsExactly("v3", "v2", "v1");
            assertThat(store.runs().find(PROJECT, "v3").orElseThrow().parentVersion()).contains("v2");
        }
    }

    @Test
    void runsLeftQueuedOrTrainingByACrashAreMarkedFailedAtTheNextStart() {
        try (JdbcStore store = vendor.openWithProject(home)) {
            ready(store.runs(), "v1", Optional.empty());
            store.runs().queue(PROJECT, "v2", Optional.of("v1"));
            store.runs().start(PROJECT, "v2", 5);
            store.runs().queue(PROJECT, "v3", Optional.of("v1"));
        }

        try (JdbcStore restarted = vendor.open(home)) {
            int failed = restarted.runs().failInterrupted("the backend stopped during training").size();

            assertThat(failed).isEqualTo(2);
            assertThat(restarted.runs().list(PROJECT)).extracting(TrainingRun::version, TrainingRun::status)
                    .containsExactly(
                            tuple("v3", ModelStatus.FAILED),
                            tuple("v2", ModelStatus.FAILED),
                            tuple("v1", ModelStatus.READY));
            assertThat(restarted.runs().find(PROJECT, "v2").orElseThrow().errorMessage())
                    .contains("the backend stopped during training");
        }
    }

    @Test
    void aFinishingRunActivatesOnlyIfTheVersionItReplacesIsStillActive() {
        try (JdbcStore store = vendor.openWithProject(home)) {
            TrainingRunStore runs = v2ActiveOverV1(store);
            runs.queue(PROJECT, "v3", Optional.of("v2"));
            runs.start(PROJECT, "v3", 1);
            runs.activate(PROJECT, "v1");

            boolean activated = runs.finishAndActivateIf(PROJECT, "v3", RESULT, Optional.of("v2"), "rolled back while it trained");

            assertThat(activated).isFalse();
            assertThat(runs.activeVersion(PROJECT)).contains("v1");
            TrainingRun v3 = runs.find(PROJECT, "v3").orElseThrow();
            assertThat(v3.status()).isEqualTo(ModelStatus.READY);
            assertThat(v3.errorMessage()).contains("rolled back while it trained");
            runs.queue(PROJECT, "v4", Optional.of("v1"));
            runs.start(PROJECT, "v4", 2);
            assertThat(runs.finishAndActivateIf(PROJECT, "v4", RESULT, Optional.of("v1"), "unused")).isTrue();
            assertThat(runs.activeVersion(PROJECT)).contains("v4");
        }
    }

    @Test
    void aVersionThatCannotBeServedIsFailedAndTheOneServingInsteadBecomesActive() {
        try (JdbcStore store = vendor.openWithProject(home)) {
            TrainingRunStore runs = v2ActiveOverV1(store);

            runs.markUnservable(PROJECT, "v2", "files damaged", Optional.of("v1"));

            assertThat(runs.find(PROJECT, "v2").orElseThrow().status()).isEqualTo(ModelStatus.FAILED);
            assertThat(runs.find(PROJECT, "v2").orElseThrow().errorMessage()).contains("files damaged");
            assertThat(runs.activeVersion(PROJECT)).contains("v1");
            runs.markUnservable(PROJECT, "v1", "files damaged", Optional.empty());
            assertThat(runs.activeVersion(PROJECT)).isEmpty();
        }
    }

    /** The start both activation tests share: v1 and v2 ready, v2 fine-tuned from v1 and active. */
    private static TrainingRunStore v2ActiveOverV1(JdbcStore store) {
        TrainingRunStore runs = store.runs();
        ready(runs, "v1", Optional.empty());
        ready(runs, "v2", Optional.of("v1"));
        runs.activate(PROJECT, "v2");
        return runs;
    }

    private static void ready(TrainingRunStore runs, String version, Optional<String> parent) {
        runs.queue(PROJECT, version, parent);
        runs.start(PROJECT, version, 0);
        runs.finish(PROJECT, version, RESULT);
    }
}
