package dev.flywheel.backend.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.backend.registry.ModelRegistry;
import dev.flywheel.backend.store.ProjectDefinition;
import dev.flywheel.backend.store.RunResult;
import dev.flywheel.backend.store.SqliteStore;
import dev.flywheel.model.api.ModelMetrics;
import dev.flywheel.model.api.ModelStatus;
import dev.flywheel.model.json.FlywheelJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupRecoveryTest {

    private static final long PROJECT = 3;

    @TempDir
    Path home;

    @Test
    void aRunCutShortIsFailedAndItsFoldersRemovedWhileTheActiveVersionStays() throws Exception {
        ModelRegistry registry = new ModelRegistry(home.resolve("models"), FlywheelJson.newMapper());
        try (SqliteStore store = SqliteStore.openInHome(home, Clock.systemUTC())) {
            store.projects().save(new ProjectDefinition(PROJECT, "p", "<View/>", List.of("a", "b"), "image_classification"));
            store.runs().queue(PROJECT, "v1", Optional.empty());
            store.runs().start(PROJECT, "v1", 0);
            store.runs().finishAndActivateIf(PROJECT, "v1", new RunResult(1, 1, "{}", "v1"), Optional.empty(), "not activated");
            publish(registry, "v1");
            // v2 was published but the process died before the store recorded it ready; v3 died while training.
            store.runs().queue(PROJECT, "v2", Optional.of("v1"));
            store.runs().start(PROJECT, "v2", 0);
            publish(registry, "v2");
            store.runs().queue(PROJECT, "v3", Optional.of("v1"));
            store.runs().start(PROJECT, "v3", 0);
            Path partial = registry.stage(PROJECT, "v3");
            Files.writeString(partial.resolve("half-written"), "x");

            StartupRecovery.Recovered recovered = new StartupRecovery(store.runs(), registry).recover();

            assertThat(recovered).isEqualTo(new StartupRecovery.Recovered(2, 1, 1));
            assertThat(store.runs().find(PROJECT, "v2").orElseThrow().status()).isEqualTo(ModelStatus.FAILED);
            assertThat(store.runs().find(PROJECT, "v3").orElseThrow().status()).isEqualTo(ModelStatus.FAILED);
            assertThat(registry.versions(PROJECT)).extracting(ModelManifest::version).containsExactly("v1");
            assertThat(partial).doesNotExist();
            assertThat(store.runs().activeVersion(PROJECT)).hasValue("v1");
        }
    }

    @Test
    void aCleanStartChangesNothing() {
        ModelRegistry registry = new ModelRegistry(home.resolve("models"), FlywheelJson.newMapper());
        try (SqliteStore store = SqliteStore.openInHome(home, Clock.systemUTC())) {
            assertThat(new StartupRecovery(store.runs(), registry).recover()).isEqualTo(new StartupRecovery.Recovered(0, 0, 0));
        }
    }

    private static void publish(ModelRegistry registry, String version) {
        Path staging = registry.stage(PROJECT, version);
        registry.publish(staging, new ModelManifest(version, PROJECT, null, "image_classification", "fake", 32, List.of("a", "b"), 1.0,
                Map.of(), "none", List.of(), 0, new ModelMetrics(null, null), List.of(), null, List.of(), List.of(), Instant.now().toString(), 0.0));
    }
}
