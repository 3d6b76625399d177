package dev.flywheel.backend.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.backend.config.ConfigException;
import dev.flywheel.backend.testing.TestModels;
import dev.flywheel.fixtures.simulator.LabelStudioSimulator;
import dev.flywheel.model.labelstudio.ChoicesRegion;
import dev.flywheel.model.labelstudio.PredictResponse;
import dev.flywheel.model.labelstudio.Prediction;
import dev.flywheel.model.labelstudio.Task;
import dev.flywheel.fixtures.simulator.Reply;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The classification flywheel with {@code FLYWHEEL_BACKBONE}: heads on a frozen backbone train by themselves, serve
 * pre-labels, embed each image once across retrains, and are not served with another backbone.
 */
class BackboneFlywheelTest {

    private static final String PROJECT_UID = "7.1732870000";
    private static final long PROJECT = 7;
    private static final ObjectMapper MAPPER = BackendHttp.MAPPER;
    private static final Duration SETTLE = Duration.ofSeconds(180);

    @RegisterExtension
    final LiveBackend live = LiveBackend.with(TestModels.backboneEnv("tiny_backbone.pt"));

    @TempDir
    Path home;

    @Test
    void headsOnTheBackboneTrainByThemselvesEmbedEachImageOnceAndAreNotServedWithAnotherBackbone() throws Exception {
        List<Task> tasks = live.labelStudio().shapeTasks(PROJECT, 90, 1000, new Random(3));
        String settled;
        LabelStudioSimulator ls = live.ls();
        InsightsPoller api = live.insights();
        assertThat(live.connectShapes(PROJECT_UID)).isEqualTo("untrained");

        live.annotateShapes(tasks, 0, 45, 5000);
        String first = api.awaitQuiet(PROJECT, SETTLE);
        assertThat(ls.setup().body().modelVersion()).isEqualTo(first);
        JsonNode firstManifest = manifest(first);
        assertThat(firstManifest.path("architecture").asText()).isEqualTo("backbone-head-v1");
        assertThat(firstManifest.path("backbone").path("sha256").asText()).isEqualTo(sha256(TestModels.backbone("tiny_backbone.pt")));
        assertThat(firstManifest.path("backbone").path("dimension").asInt()).isEqualTo(16);
        assertThat(firstManifest.path("input_size").asInt()).isEqualTo(64);
        assertThat(firstManifest.path("history").size()).isPositive();
        assertThat(firstManifest.path("temperature").asDouble()).isPositive();
        assertThat(api.get("/api/v1/projects/7/models/" + first).path("metrics").path("accuracy").asDouble()).isGreaterThanOrEqualTo(0.8);

        Reply<PredictResponse> predicted = ls.predict(tasks.subList(60, 90));
        assertThat(predicted.body().modelVersion()).isEqualTo(first);
        int correct = 0;
        for (int i = 0; i < 30; i++) {
            Prediction p = predicted.body().predictions().get(i);
            assertThat(p.modelVersion()).isEqualTo(first);
            assertThat(p.score()).isBetween(0.0, 1.0);
            correct += ((ChoicesRegion) p.result().getFirst()).value().labels().getFirst().equals(label((60 + i) % 3)) ? 1 : 0;
        }
        // Chance is 10 of 30. One run on the burst's 34 training images, a linear head on 16 features of a fixed random
        // backbone: 23 here (two runs, before bursts coalesced, reached 24).
        assertThat(correct).as("pre-labels right out of 30 unseen images").isGreaterThanOrEqualTo(21);

        live.annotateShapes(tasks, 45, 60, 5000);
        // The policy may leave the last few annotations for later; Start Training takes them all in.
        ls.startTraining();
        settled = awaitNewVersion(api, first);
        JsonNode latest = manifest(settled);
        assertThat(latest.path("dataset_size").asInt()).isEqualTo(60);
        assertThat(latest.path("backbone").path("cached_images").asInt()).as("images the retrain read from the cache")
                .isGreaterThanOrEqualTo(manifest(first).path("dataset_size").asInt());
        assertThat(latest.path("backbone").path("embedded_images").asInt() + latest.path("backbone").path("cached_images").asInt())
                .isEqualTo(60);
        // Runs overlap (v1 on 10 images, v2 on 30, ...): a run that re-embedded what the cache holds would push this sum
        // far past the 60 images there are. (The audit after a run embeds annotations newer than the run, for the next.)
        assertThat(embeddedAcrossVersions()).as("images the runs put through the backbone").isBetween(1, 60);
        assertThat(cacheFiles()).isEqualTo(60);
        JsonNode reference = MAPPER.readTree(live.home().resolve("models/7/" + settled + "/reference.json").toFile());
        assertThat(reference.path("embeddings").get(0).size()).as("drift compares backbone features").isEqualTo(16);
        assertThat(ls.predict(tasks.subList(60, 90)).body().predictions()).allSatisfy(p -> assertThat(p.modelVersion()).isEqualTo(settled));
        JsonNode drift = api.get("/api/v1/projects/7/drift");
        assertThat(drift.path("reference_version").asText()).isEqualTo(settled);
        assertThat(drift.path("window").path("samples").asInt()).as("served images, as backbone features").isEqualTo(30);
        awaitFile(live.home().resolve("audits/7/" + settled + ".json"));

        live.startWith(TestModels.backboneEnv("tiny_backbone_4d.pt"));
        LabelStudioSimulator swapped = live.ls();
        InsightsPoller swappedApi = live.insights();
        assertThat(live.connectShapes(PROJECT_UID))
                .as("a head on another backbone is not served").isEqualTo("untrained");

        String retrained = awaitNewVersion(swappedApi, settled);
        JsonNode manifest = manifest(retrained);
        assertThat(manifest.path("backbone").path("sha256").asText()).isEqualTo(sha256(TestModels.backbone("tiny_backbone_4d.pt")));
        assertThat(manifest.path("backbone").path("embedded_images").asInt()).as("another backbone reads none of the first one's cache")
                .isEqualTo(60);
        assertThat(swapped.predict(tasks.subList(60, 62)).body().predictions()).allSatisfy(p -> assertThat(p.modelVersion()).isEqualTo(retrained));
    }

    @Test
    void aBackboneThatCannotBeLoadedStopsTheStartWithTheVariableToFix(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> RunningBackend.start(home, Map.of("FLYWHEEL_BACKBONE", dir.resolve("resnet50.pt").toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("FLYWHEEL_BACKBONE is not a readable file");
        Path junk = Files.writeString(dir.resolve("resnet18.pt"), "not TorchScript");
        assertThatThrownBy(() -> RunningBackend.start(home, Map.of("FLYWHEEL_BACKBONE", junk.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("FLYWHEEL_BACKBONE could not be used as a TorchScript backbone");
        Path detector = TestModels.detector("tiny_detector.pt");
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        assertThatThrownBy(() -> RunningBackend.start(home, Map.of("FLYWHEEL_BACKBONE", detector.toString(), "FLYWHEEL_BACKBONE_INPUT_SIZE", "64",
                "PORT", Integer.toString(port))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("must answer [N, D] or [N, D, 1, 1]");
        try (ServerSocket stillFree = new ServerSocket(port)) {
            assertThat(stillFree.getLocalPort()).as("nothing listens after a refused start").isEqualTo(port);
        }
    }

    /**
     * Waits for a version to become ready that is not ready now (older ones, the short first run's for one, are ready
     * too) and for training to settle; answers the active version, which must not be {@code previous}.
     */
    private static String awaitNewVersion(InsightsPoller api, String previous) throws Exception {
        java.util.Set<String> before = new java.util.HashSet<>();
        api.models(PROJECT).path("models").forEach(run -> {
            if (run.path("status").asText().equals("ready")) {
                before.add(run.path("version").asText());
            }
        });
        api.awaitRun(PROJECT, run -> run.path("status").asText().equals("ready") && !before.contains(run.path("version").asText()), SETTLE);
        String active = api.awaitQuiet(PROJECT, SETTLE);
        for (JsonNode run : api.models(PROJECT).path("models")) {
            assertThat(run.path("status").asText()).as("run %s", run.path("version").asText()).isNotEqualTo("failed");
        }
        assertThat(active).isNotEqualTo(previous);
        return active;
    }

    private JsonNode manifest(String version) throws Exception {
        return MAPPER.readTree(live.home().resolve("models/7/" + version + "/manifest.json").toFile());
    }

    private int embeddedAcrossVersions() throws Exception {
        int sum = 0;
        try (Stream<Path> versions = Files.list(live.home().resolve("models/7"))) {
            for (Path version : versions.filter(v -> Files.isRegularFile(v.resolve("manifest.json"))).toList()) {
                sum += MAPPER.readTree(version.resolve("manifest.json").toFile()).path("backbone").path("embedded_images").asInt();
            }
        }
        return sum;
    }

    private long cacheFiles() throws Exception {
        try (Stream<Path> files = Files.walk(live.home().resolve("embeddings"))) {
            return files.filter(f -> f.toString().endsWith(".emb")).count();
        }
    }

    private static void awaitFile(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (!Files.isRegularFile(file)) {
            assertThat(System.nanoTime()).as("%s written in time", file).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static String label(int index) {
        return ShapeScenes.LABELS.get(index);
    }
}
