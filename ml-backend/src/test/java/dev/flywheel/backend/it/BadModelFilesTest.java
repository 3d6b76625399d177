package dev.flywheel.backend.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flywheel.fixtures.simulator.LabelStudioSimulator;
import dev.flywheel.fixtures.simulator.Reply;
import dev.flywheel.model.labelstudio.PredictRequest;
import dev.flywheel.model.labelstudio.PredictResponse;
import dev.flywheel.model.labelstudio.SetupRequest;
import dev.flywheel.model.labelstudio.Task;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A bad file never takes the service down: a damaged or missing manifest or model file, found at start or at a switch,
 * is logged and its version marked failed while the previous good version keeps serving; when none can serve,
 * {@code /setup} and {@code /predict} answer 503 with a JSON error, and the backend stays up.
 */
class BadModelFilesTest {

    private static final String PROJECT_UID = "8.1732870000";
    private static final long PROJECT = 8;

    @RegisterExtension
    // No catch-up run after a pause: the test damages the versions it made and counts on no other appearing.
    final LiveBackend live = LiveBackend.with(Map.of("FLYWHEEL_TRAINING_CATCH_UP_SECONDS", "0"));

    @Test
    void damagedVersionsAreMarkedFailedAndThePreviousGoodVersionServesUntilNoneIsLeft() throws Exception {
        List<Task> tasks = live.labelStudio().shapeTasks(PROJECT, 15, 3000, new Random(5));
        LabelStudioSimulator ls = live.ls();
        live.connectShapes(PROJECT_UID);
        live.annotateShapes(tasks, 0, 12, 6000);
        String v1 = live.insights().awaitQuiet(PROJECT, Duration.ofSeconds(60));
        String v2 = trainAnother(ls, live.insights(), v1);
        live.stop();

        // At start: the active version's manifest is damaged between two runs of the backend.
        Files.writeString(versionDir(v2).resolve("manifest.json"), "{\"version\": \"" + v2 + "\", \"labels\": [", StandardCharsets.UTF_8);
        live.restart();
        ls = live.ls();
        InsightsPoller insights = live.insights();
        assertThat(live.connectShapes(PROJECT_UID)).as("/setup after the restart").isEqualTo(v1);
        assertServedBy(ls.predict(tasks.subList(12, 15)), v1);
        JsonNode models = insights.models(PROJECT);
        assertThat(models.path("active").asText()).isEqualTo(v1);
        assertThat(run(models, v2).path("status").asText()).isEqualTo("failed");
        assertThat(run(models, v2).path("message").asText()).contains("damaged or missing").contains(v1 + " serves instead");

        // At a switch: the version being activated has lost its model file.
        String v3 = trainAnother(ls, insights, v1);
        deleteModelFiles(v1);
        JsonNode activated = BackendHttp.json(live.post("/api/v1/projects/" + PROJECT + "/models/" + v1 + "/activate", "{}"));
        assertThat(activated.path("status").asText()).as("the activate reply: %s", activated).isEqualTo("failed");
        assertServedBy(ls.predict(tasks.subList(12, 15)), v3);
        assertThat(insights.models(PROJECT).path("active").asText()).isEqualTo(v3);
        live.stop();

        // None left: the only good version loses its manifest too.
        Files.delete(versionDir(v3).resolve("manifest.json"));
        live.restart();
        Reply<String> setup = live.ls().raw("setup", new SetupRequest(PROJECT_UID, ShapeScenes.CONFIG, live.labelStudio().url(),
                FakeLabelStudio.TOKEN, null, null, null));
        Reply<String> predict = live.ls().raw("predict", PredictRequest.batch(tasks.subList(12, 15), PROJECT_UID, ShapeScenes.CONFIG));
        for (Reply<String> refused : List.of(setup, predict)) {
            assertThat(refused.status()).as(refused.rawBody()).isEqualTo(503);
            JsonNode error = Hostile.MAPPER.readTree(refused.rawBody());
            assertThat(error.path("error").asText()).isEqualTo("no_servable_version");
            assertThat(error.path("detail").asText()).contains(v3).doesNotContain(live.home().toString());
        }
        Hostile.assertHealthy(live.uri(), "every version damaged");
        assertThat(run(live.insights().models(PROJECT), v3).path("status").asText()).isEqualTo("failed");
    }

    private static String trainAnother(LabelStudioSimulator ls, InsightsPoller insights, String active) throws Exception {
        ls.startTraining();
        String next = insights.awaitRun(PROJECT, run -> run.path("status").asText().equals("ready")
                && !run.path("version").asText().equals(active) && !run.path("message").asText().contains("damaged"),
                Duration.ofSeconds(60)).path("version").asText();
        insights.awaitQuiet(PROJECT, Duration.ofSeconds(60));
        assertThat(insights.models(PROJECT).path("active").asText()).isEqualTo(next);
        return next;
    }

    private static void assertServedBy(Reply<PredictResponse> predicted, String version) {
        assertThat(predicted.status()).isEqualTo(200);
        assertThat(predicted.body().predictions()).hasSize(3).allSatisfy(p -> assertThat(p.modelVersion()).isEqualTo(version));
    }

    private Path versionDir(String version) {
        return live.home().resolve("models").resolve(Long.toString(PROJECT)).resolve(version);
    }

    private void deleteModelFiles(String version) throws IOException {
        try (Stream<Path> files = Files.list(versionDir(version))) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".params")).toList()) {
                Files.delete(file);
            }
        }
    }

    private static JsonNode run(JsonNode models, String version) {
        for (JsonNode run : models.path("models")) {
            if (run.path("version").asText().equals(version)) {
                return run;
            }
        }
        throw new AssertionError("run " + version + " is not listed: " + models);
    }
}
