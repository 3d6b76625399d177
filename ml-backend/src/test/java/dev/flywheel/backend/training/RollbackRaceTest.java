package dev.flywheel.backend.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywheel.backend.annotations.TrainingTrigger;
import dev.flywheel.backend.insights.ModelInsights;
import dev.flywheel.backend.kind.FakeKind;
import dev.flywheel.backend.kind.RunRequest;
import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.backend.registry.ModelRegistry;
import dev.flywheel.backend.store.RunResult;
import dev.flywheel.backend.store.SqliteStore;
import dev.flywheel.model.api.ModelStatus;
import dev.flywheel.model.api.ModelSummary;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Version switches are compare-and-set: a person's rollback while a run trains stands when the run finishes; the run's
 * version is ready, not active, and the model list says why.
 */
class RollbackRaceTest {

    private static final long PROJECT = 4;
    @TempDir
    Path home;

    @Test
    void aRunFinishingAfterARollbackIsPublishedReadyButLeavesTheRolledBackVersionActive() throws Exception {
        CountDownLatch training = new CountDownLatch(1);
        CountDownLatch rolledBack = new CountDownLatch(1);
        FakeKind kind = new FakeKind("choices", "Choices") {
            @Override
            public ModelManifest train(RunRequest run, Path staging, BooleanSupplier cancelled) {
                training.countDown();
                await(rolledBack);
                return RunnerFixture.manifest(PROJECT, run.version());
            }
        };
        try (RunnerFixture fixture = RunnerFixture.open(home, PROJECT, kind, new TrainingPolicy(10, 10, 0.1))) {
            SqliteStore store = fixture.store;
            ModelRegistry registry = fixture.registry;
            TrainingRunner runner = fixture.runner;
            ModelInsights models = new ModelInsights(store, registry, TrainingTrigger.NONE, fixture.active);
            String v1 = finished(runner, store, registry);
            String v2 = finished(runner, store, registry);
            assertThat(store.runs().activeVersion(PROJECT)).hasValue(v2);

            String v3 = runner.prepare(PROJECT).orElseThrow();
            CompletableFuture<Optional<ModelManifest>> finishing = CompletableFuture.supplyAsync(
                    () -> runner.runPending(PROJECT, () -> false, Optional.empty()));
            assertThat(training.await(30, TimeUnit.SECONDS)).as("v3 started training").isTrue();
            models.activate(PROJECT, v1);
            rolledBack.countDown();
            assertThat(finishing.get(30, TimeUnit.SECONDS)).as("v3 was published").isPresent();

            assertThat(store.runs().activeVersion(PROJECT)).as("the rollback stands").hasValue(v1);
            ModelSummary third = models.models(PROJECT).models().stream().filter(m -> m.version().equals(v3)).findFirst().orElseThrow();
            assertThat(third.status()).isEqualTo(ModelStatus.READY);
            assertThat(third.message()).contains("not activated").contains("replace " + v2).contains("activate " + v3);
            assertThat(models.models(PROJECT).active()).isEqualTo(v1);
            assertThat(registry.manifest(PROJECT, v3)).as("published").isPresent();

            models.activate(PROJECT, v3);
            assertThat(store.runs().activeVersion(PROJECT)).as("activated by hand later").hasValue(v3);
        }
    }

    /** A version queued by the runner, then published and activated as a run that nobody raced would be. */
    private static String finished(TrainingRunner runner, SqliteStore store, ModelRegistry registry) {
        String version = runner.prepare(PROJECT).orElseThrow();
        store.runs().start(PROJECT, version, 0);
        Path published = registry.publish(registry.stage(PROJECT, version), RunnerFixture.manifest(PROJECT, version));
        assertThat(store.runs().finishAndActivateIf(PROJECT, version, new RunResult(1, 1, "{}", published.toString()),
                store.runs().activeVersion(PROJECT), "not activated")).isTrue();
        return version;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
