package dev.flywheel.backend.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.fixtures.Annotations;
import dev.flywheel.fixtures.Tasks;
import dev.flywheel.fixtures.simulator.BackendCallFailedException;
import dev.flywheel.fixtures.simulator.LabelStudioSimulator;
import dev.flywheel.fixtures.simulator.Reply;
import dev.flywheel.model.json.FlywheelJson;
import dev.flywheel.model.labelstudio.PredictResponse;
import dev.flywheel.model.labelstudio.Task;
import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.backend.registry.ModelRegistry;
import dev.flywheel.model.api.ModelMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk, made real: a small tmpfs under FLYWHEEL_HOME filled with a ballast file. A run that cannot write its
 * version fails with a message that says so and leaves nothing behind, the active version keeps serving, a webhook
 * that cannot be committed is refused with 507 (never acknowledged), and everything works again once space is freed.
 */
class DiskFullTest {

    private static final String PROJECT_UID = "7.1732870000";
    private static final long PROJECT = 7;
    private static final long MIB = 1024 * 1024;
    private static final ObjectMapper MAPPER = FlywheelJson.newMapper();

    @TempDir
    Path home;

    @Test
    void aRunThatFindsTheModelDiskFullFailsCleanlyTheActiveVersionKeepsServingAndTheNextRunSucceeds() throws Exception {
        try (FakeLabelStudio labelStudio = new FakeLabelStudio(); SmallDisk disk = SmallDisk.mount(home.resolve("models"), 32 * MIB)) {
            List<Task> tasks = shapeTasks(labelStudio, 30);
            try (RunningBackend backend = RunningBackend.start(home, Map.of())) {
                InsightsPoller insights = new InsightsPoller(backend.uri());
                LabelStudioSimulator ls = LabelStudioSimulator.of(backend.uri());
                ls.connect(PROJECT_UID, ShapeScenes.CONFIG, labelStudio.url(), FakeLabelStudio.TOKEN);
                for (int i = 0; i < 12; i++) {
                    ls.annotate(tasks.get(i), Annotations.choice(5000 + i, tasks.get(i).id(), ShapeScenes.LABELS.get(i % 3)));
                }
                String active = insights.awaitQuiet(PROJECT, Duration.ofSeconds(120));
                long parameters = parametersBytes(active);

                // Room for half the parameters: the next version starts writing and runs out part way.
                disk.fill(parameters / 2);
                assertThat(disk.usable()).isLessThan(parameters);
                Set<String> before = versions(insights);
                // Ten more annotations earn a run by the policy; the database lives on another disk and takes them.
                for (int i = 12; i < 22; i++) {
                    assertThat(ls.annotate(tasks.get(i), Annotations.choice(5000 + i, tasks.get(i).id(), ShapeScenes.LABELS.get(i % 3))).status())
                            .isEqualTo(201);
                }
                JsonNode failed = insights.awaitRun(PROJECT, run -> !before.contains(run.path("version").asText())
                        && run.path("status").asText().equals("failed"), Duration.ofSeconds(120));
                String failedVersion = failed.path("version").asText();
                JsonNode detail = insights.get("/api/v1/projects/" + PROJECT + "/models/" + failedVersion);
                assertThat(detail.path("message").asText()).contains("no space left").contains("active version is unchanged");
                // An annotation that arrived after the failed run started earns one more try; nothing after that.
                awaitIdle(insights, Duration.ofSeconds(120));
                Thread.sleep(2_000);
                assertThat(busyRuns(insights)).as("runs queued or training once the failures settled").isZero();
                assertThat(statuses(insights)).as("failed runs: one, or two when an annotation raced the first")
                        .filteredOn("failed"::equals).hasSizeBetween(1, 2);

                assertThat(insights.models(PROJECT).path("active").asText()).isEqualTo(active);
                assertThat(entries(PROJECT)).as("version folders after the failed run").containsExactly(active);
                assertThat(ls.health().status()).isEqualTo(200);
                Reply<PredictResponse> predicted = ls.predict(tasks.subList(25, 30));
                assertThat(predicted.body().modelVersion()).isEqualTo(active);
                assertThat(predicted.body().predictions()).allSatisfy(p -> assertThat(p.result()).hasSize(1));

                disk.free();
                Set<String> known = versions(insights);
                ls.startTraining();
                JsonNode next = insights.awaitRun(PROJECT, run -> !known.contains(run.path("version").asText())
                        && run.path("status").asText().equals("ready"), Duration.ofSeconds(120));
                String nextVersion = next.path("version").asText();
                assertThat(insights.models(PROJECT).path("active").asText()).isEqualTo(nextVersion);
                assertThat(ls.predict(tasks.subList(25, 30)).body().modelVersion()).isEqualTo(nextVersion);
                assertThat(entries(PROJECT)).containsExactlyInAnyOrder(active, nextVersion);
            }
        }
    }

    @Test
    void aWebhookThatCannotBeCommittedIsRefusedWith507AndStoredOnceWhenSentAgainAfterSpaceIsFreed() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(home, 16 * MIB); RunningBackend backend = RunningBackend.start(home, Map.of())) {
            InsightsPoller insights = new InsightsPoller(backend.uri());
            LabelStudioSimulator ls = LabelStudioSimulator.of(backend.uri());
            ls.connect(PROJECT_UID, ShapeScenes.CONFIG, null, null);
            // One label only: no run starts, the webhooks are all the backend writes.
            for (int i = 0; i < 3; i++) {
                Task task = Tasks.imageTask(100 + i, "/data/upload/7/" + i + ".png");
                assertThat(ls.annotate(task, Annotations.choice(900 + i, task.id(), "circle")).status()).isEqualTo(201);
            }

            disk.fill(0);
            Task refused = Tasks.imageTask(200, "/data/upload/7/refused.png");
            BackendCallFailedException full = catchThrowableOfType(BackendCallFailedException.class,
                    () -> ls.annotate(refused, Annotations.choice(990, refused.id(), "circle")));
            assertThat(full).as("a webhook on a full disk is not acknowledged").isNotNull();
            assertThat(full.status()).isEqualTo(507);
            JsonNode error = MAPPER.readTree(full.body());
            assertThat(error.path("error").asText()).isEqualTo("insufficient_storage");
            assertThat(error.path("detail").asText()).contains("full").contains("nothing of this request was stored");
            assertThat(full.body()).doesNotContain(home.toString()).doesNotContain("SQLITE").doesNotContain("Exception");
            assertThat(ls.health().status()).isEqualTo(200);
            assertThat(ls.predict(List.of(Tasks.imageTask(300, "/data/upload/7/x.png"))).status()).isEqualTo(200);
            assertThat(insights.annotations(PROJECT)).isEqualTo(3);

            disk.free();
            assertThat(ls.annotate(refused, Annotations.choice(990, refused.id(), "circle")).status()).isEqualTo(201);
            assertThat(ls.annotate(refused, Annotations.choice(990, refused.id(), "circle")).status()).as("a repeat").isIn(200, 201);
            assertThat(insights.annotations(PROJECT)).isEqualTo(4);
        }
    }

    @Test
    void publishingOntoAFullDiskLeavesNeitherAVersionNorAHalfWrittenManifest() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(home.resolve("models"), MIB)) {
            ModelRegistry registry = new ModelRegistry(home.resolve("models"), MAPPER);
            Path staging = registry.stage(PROJECT, "v1-full");
            Files.write(staging.resolve("flywheel-0000.params"), new byte[8192]);
            // One page free and a manifest of several: the write starts and stops part way.
            disk.fill(4096);
            ModelManifest manifest = manifest("v1-full", 2_000);

            // The message is for the run record (no path); the cause keeps the system's words for the log.
            assertThatThrownBy(() -> registry.publish(staging, manifest)).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("could not publish version v1-full")
                    .cause().hasMessageContaining("No space left on device");

            try (Stream<Path> left = Files.list(staging)) {
                assertThat(left.map(p -> p.getFileName().toString())).containsExactly("flywheel-0000.params");
            }
            assertThat(registry.versions(PROJECT)).isEmpty();
            assertThat(registry.versionDir(PROJECT, "v1-full")).doesNotExist();

            disk.free();
            registry.publish(staging, manifest);
            assertThat(registry.versions(PROJECT)).extracting(ModelManifest::version).containsExactly("v1-full");
            assertThat(registry.manifest(PROJECT, "v1-full").orElseThrow().trainingSet()).hasSize(2_000);
        }
    }

    private static ModelManifest manifest(String version, int examples) {
        List<ModelManifest.TrainingExample> trainingSet = new ArrayList<>();
        for (int i = 0; i < examples; i++) {
            trainingSet.add(new ModelManifest.TrainingExample(i, "circle"));
        }
        return new ModelManifest(version, PROJECT, null, "image_classification", "flywheel-cnn-v1", 32, List.of("circle", "square"), 1.0,
                Map.of(), "none", trainingSet, examples, new ModelMetrics(null, null), List.of(), null, List.of(), List.of(),
                Instant.now().toString(), 0.0);
    }

    private static List<Task> shapeTasks(FakeLabelStudio labelStudio, int count) {
        return labelStudio.shapeTasks(PROJECT, count, 1000, new Random(5));
    }

    private long parametersBytes(String version) throws IOException {
        try (Stream<Path> files = Files.list(home.resolve("models").resolve(Long.toString(PROJECT)).resolve(version))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".params")).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    /** Every entry of the project's model folder: complete versions, and any staging folder a run left behind. */
    private List<String> entries(long project) throws IOException {
        try (Stream<Path> entries = Files.list(home.resolve("models").resolve(Long.toString(project)))) {
            return entries.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static Set<String> versions(InsightsPoller insights) throws Exception {
        Set<String> versions = new HashSet<>();
        insights.models(PROJECT).path("models").forEach(run -> versions.add(run.path("version").asText()));
        return versions;
    }

    /** Waits until no run is queued or training, seen twice in a row. */
    private static void awaitIdle(InsightsPoller insights, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        int idle = 0;
        while (idle < 2) {
            assertThat(System.nanoTime()).as("runs still busy after " + timeout).isLessThan(deadline);
            idle = busyRuns(insights) == 0 ? idle + 1 : 0;
            Thread.sleep(300);
        }
    }

    private static List<String> statuses(InsightsPoller insights) throws Exception {
        List<String> statuses = new ArrayList<>();
        insights.models(PROJECT).path("models").forEach(run -> statuses.add(run.path("status").asText()));
        return statuses;
    }

    private static long busyRuns(InsightsPoller insights) throws Exception {
        long busy = 0;
        for (JsonNode run : insights.models(PROJECT).path("models")) {
            busy += List.of("queued", "training").contains(run.path("status").asText()) ? 1 : 0;
        }
        return busy;
    }
}
