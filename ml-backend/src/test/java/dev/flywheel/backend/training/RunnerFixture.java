package dev.flywheel.backend.training;

import dev.flywheel.backend.kind.ActiveVersions;
import dev.flywheel.backend.kind.FakeKind;
import dev.flywheel.backend.kind.TaskKinds;
import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.backend.registry.ModelRegistry;
import dev.flywheel.backend.store.FlywheelStore;
import dev.flywheel.backend.store.ProjectDefinition;
import dev.flywheel.backend.store.SqliteStore;
import dev.flywheel.model.api.ModelMetrics;
import dev.flywheel.model.json.FlywheelJson;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A real SQLite store in a folder, holding one choices project, and a training runner over a fake kind: what the queue
 * and race tests train on.
 */
final class RunnerFixture implements AutoCloseable {

    final SqliteStore store;
    final ModelRegistry registry;
    final ActiveVersions active;
    final TrainingRunner runner;

    /** @param seenByRunner the store the runner reads, given the real one (a test may slow part of it down) */
    private RunnerFixture(Path home, long project, FakeKind kind, TrainingPolicy policy, UnaryOperator<FlywheelStore> seenByRunner) {
        store = SqliteStore.openInHome(home, Clock.systemUTC());
        store.projects().save(new ProjectDefinition(project, "p", "<View/>", List.of("a", "b"), "choices"));
        TaskKinds kinds = new TaskKinds(List.of(kind));
        registry = new ModelRegistry(home.resolve("models"), FlywheelJson.newMapper());
        FlywheelStore runnerStore = seenByRunner.apply(store);
        active = new ActiveVersions(kinds, registry, runnerStore.runs()::activeVersion);
        runner = new TrainingRunner(runnerStore, registry, kinds, policy, FlywheelJson.newMapper(), active);
    }

    static RunnerFixture open(Path home, long project, FakeKind kind, TrainingPolicy policy) {
        return new RunnerFixture(home, project, kind, policy, UnaryOperator.identity());
    }

    static RunnerFixture open(Path home, long project, FakeKind kind, TrainingPolicy policy, UnaryOperator<FlywheelStore> seenByRunner) {
        return new RunnerFixture(home, project, kind, policy, seenByRunner);
    }

    /** The manifest a fake run publishes: two labels, no metrics. */
    static ModelManifest manifest(long project, String version) {
        return new ModelManifest(version, project, null, "choices", "fake", 32, List.of("a", "b"), 1.0, Map.of(), "none", List.of(), 0,
                new ModelMetrics(null, null), List.of(), null, List.of(), List.of(), Instant.now().toString(), 0.0);
    }

    @Override
    public void close() {
        store.close();
    }
}
