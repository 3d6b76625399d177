package dev.flywheel.backend.kind;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.backend.registry.ModelRegistry;
import dev.flywheel.model.api.ModelMetrics;
import dev.flywheel.model.json.FlywheelJson;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActiveVersionsTest {

    private static final long PROJECT = 7;

    @TempDir
    Path home;

    private final Map<Long, String> stored = new HashMap<>();
    private final AtomicInteger storeReads = new AtomicInteger();
    private final FakeKind boxes = new FakeKind("boxes", "RectangleLabels");
    private final FakeKind choices = new FakeKind("choices", "Choices");
    private ModelRegistry registry;
    private ActiveVersions active;

    @BeforeEach
    void open() {
        registry = new ModelRegistry(home, FlywheelJson.newMapper());
        active = new ActiveVersions(new TaskKinds(List.of(boxes, choices)), registry, project -> {
            storeReads.incrementAndGet();
            return Optional.ofNullable(stored.get(project));
        });
    }

    @Test
    void aProjectWithoutAVersionIsServedByNothingOrTheKindsStandIn() {
        assertThat(active.acquire(PROJECT, choices)).isEmpty();
        assertThat(active.serving(PROJECT, choices)).isEmpty();

        FakeKind.FakeVersion operator = new FakeKind.FakeVersion("detector-1234");
        boxes.standIn = Optional.of(operator);
        assertThat(active.serving(PROJECT, boxes)).hasValue("detector-1234");
        try (LoadedVersion serving = active.acquire(PROJECT, boxes).orElseThrow()) {
            assertThat(serving).isSameAs(operator);
        }
        assertThat(operator.freed).as("the stand-in stays with its kind").isFalse();
    }

    @Test
    void everyPredictionAfterTheFirstFindsTheActiveVersionInMemory() throws Exception {
        publish("v1", "choices");
        stored.put(PROJECT, "v1");

        for (int i = 0; i < 5; i++) {
            try (LoadedVersion version = active.acquire(PROJECT, choices).orElseThrow()) {
                assertThat(version.version()).isEqualTo("v1");
            }
        }
        assertThat(active.serving(PROJECT, choices)).hasValue("v1");

        assertThat(storeReads).as("reads of the store's active version").hasValue(1);
        assertThat(choices.loaded).as("loads of the version").hasSize(1);
    }

    @Test
    void whatTheStoreSaysReloadsOnlyWhenItNamesAnotherVersionThanTheOneInMemory() throws Exception {
        publish("v1", "choices");
        publish("v2", "choices");
        stored.put(PROJECT, "v1");
        active.acquire(PROJECT, choices).orElseThrow().close();

        active.sync(PROJECT, Optional.of("v1"));
        active.sync(PROJECT, Optional.of("v1"));
        assertThat(active.serving(PROJECT, choices)).hasValue("v1");
        assertThat(choices.loaded).as("the same version, asked about twice, is not reloaded").hasSize(1);

        stored.put(PROJECT, "v2"); // another replica rolled forward
        active.sync(PROJECT, Optional.of("v2"));

        assertThat(active.serving(PROJECT, choices)).hasValue("v2");
        assertThat(choices.loaded).hasSize(2);
    }

    @Test
    void anActivationServesTheNewVersionNextAndFreesTheOldOneAfterItsLastCaller() throws Exception {
        publish("v1", "choices");
        publish("v2", "choices");
        stored.put(PROJECT, "v1");
        LoadedVersion inFlight = active.acquire(PROJECT, choices).orElseThrow();

        stored.put(PROJECT, "v2");
        active.activated(PROJECT);

        try (LoadedVersion next = active.acquire(PROJECT, choices).orElseThrow()) {
            assertThat(next.version()).isEqualTo("v2");
        }
        FakeKind.FakeVersion v1 = choices.loaded.getFirst();
        assertThat(v1.freed).as("still predicting when replaced").isFalse();
        inFlight.close();
        assertThat(v1.freed).isTrue();
        assertThat(v1.retain()).as("a freed version cannot be taken again").isFalse();
    }

    @Test
    void aVersionOfAnotherKindDoesNotServeThisKind() throws Exception {
        publish("v1", "choices");
        stored.put(PROJECT, "v1");

        assertThat(active.acquire(PROJECT, boxes)).isEmpty();
        assertThat(active.serving(PROJECT, boxes)).isEmpty();
        assertThat(active.serving(PROJECT, choices)).hasValue("v1");
    }

    @Test
    void aVersionThisBackendCannotServeLeavesTheProjectUntrained() throws Exception {
        publish("v1", "choices");
        publish("v2", "retired-kind");
        stored.put(PROJECT, "v1");
        choices.servingProblem = Optional.of("trained on another backbone");

        assertThat(active.active(PROJECT)).isEmpty();
        assertThat(active.acquire(PROJECT, choices)).isEmpty();

        stored.put(PROJECT, "v2");
        active.activated(PROJECT);
        assertThat(active.active(PROJECT)).as("a kind no longer served").isEmpty();
    }

    @Test
    void closingFreesTheLoadedVersions() throws Exception {
        publish("v1", "choices");
        stored.put(PROJECT, "v1");
        active.acquire(PROJECT, choices).orElseThrow().close();

        active.close();

        assertThat(choices.loaded.getFirst().freed).isTrue();
    }

    private void publish(String version, String kind) throws Exception {
        Path staging = registry.stage(PROJECT, version);
        registry.publish(staging, new ModelManifest(version, PROJECT, null, kind, "fake", 32, List.of("a", "b"), 1.0, Map.of(), "none",
                List.of(), 0, new ModelMetrics(null, null), List.of(), null, List.of(), List.of(), Instant.now().toString(), 0.0));
    }
}
