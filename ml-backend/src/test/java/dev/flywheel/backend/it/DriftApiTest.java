package dev.flywheel.backend.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.fixtures.Annotations;
import dev.flywheel.fixtures.Tasks;
import dev.flywheel.fixtures.simulator.LabelStudioSimulator;
import dev.flywheel.model.labelstudio.Task;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Drift through the real server: a version trained on 48×48 shape scenes, then served more scenes like them, then
 * scenes from "another camera" (larger, wider, inverted colours).
 */
class DriftApiTest {

    private static final long PROJECT = 12;
    private static final ObjectMapper MAPPER = BackendHttp.MAPPER;

    @RegisterExtension
    static final LiveBackend backend = LiveBackend.plain();

    private static LabelStudioSimulator ls;
    private static int nextTask = 5000;

    @BeforeAll
    static void trainAVersionOnShapeScenes() throws Exception {
        ls = backend.ls();
        backend.connectShapes(PROJECT + ".1732870000");
        Random random = new Random(12);
        for (int i = 0; i < 60; i++) {
            Task task = task(ShapeScenes.png(i % 3, random));
            ls.annotate(task, Annotations.choice(7000 + i, task.id(), ShapeScenes.LABELS.get(i % 3)));
        }
        backend.insights().awaitQuiet(PROJECT, Duration.ofSeconds(180));
    }

    @Test
    void scenesLikeTheTrainingOnesDoNotDriftAndScenesFromAnotherCameraDo() throws Exception {
        HttpResponse<String> tooEarly = get("/api/v1/projects/12/drift");
        assertThat(tooEarly.statusCode()).isEqualTo(409);
        assertThat(MAPPER.readTree(tooEarly.body()).path("error").asText()).isEqualTo("insufficient_data");

        Random random = new Random(99);
        predict(60, () -> ShapeScenes.png(random.nextInt(3), random));
        JsonNode alike = json(get("/api/v1/projects/12/drift"));

        assertThat(alike.path("drifted").asBoolean()).as(alike.toString()).isFalse();
        assertThat(alike.path("window").path("samples").asInt()).isEqualTo(60);
        assertThat(alike.path("p_value").asDouble()).isGreaterThanOrEqualTo(0.05);

        int firstOfTheOtherCamera = nextTask;
        predict(120, () -> ShapeScenes.png(random.nextInt(3), random, 96, 64, true));
        JsonNode other = json(get("/api/v1/projects/12/drift"));

        assertThat(other.path("drifted").asBoolean()).as(other.toString()).isTrue();
        assertThat(other.path("p_value").asDouble()).isLessThan(0.05);
        assertThat(other.path("reference_version").asText()).isEqualTo(alike.path("reference_version").asText());
        assertThat(other.path("window").path("samples").asInt()).isEqualTo(180);
        JsonNode brightness = feature(other, "brightness");
        assertThat(brightness.path("drifted").asBoolean()).as(other.toString()).isTrue();
        assertThat(brightness.path("p_value").asDouble()).isLessThan(0.05);
        assertThat(feature(other, "aspect_ratio").path("drifted").asBoolean()).isTrue();

        // Over time: nine windows of 20, the first three like the training scenes, the other camera's drifted.
        JsonNode history = other.path("history");
        assertThat(history).as(other.toString()).hasSize(9);
        for (int i = 0; i < 9; i++) {
            assertThat(history.get(i).path("samples").asInt()).isEqualTo(20);
            assertThat(history.get(i).path("drifted").asBoolean()).as("window %d: %s", i, history.get(i)).isEqualTo(i >= 3);
        }
        assertThat(history.get(8).path("to").asText()).isEqualTo(other.path("window").path("to").asText());
        assertThat(alike.path("history")).hasSize(3);
        // The samples that moved most are the other camera's, named by task and image, with their features.
        JsonNode moved = other.path("moved");
        assertThat(moved).hasSize(12);
        for (JsonNode m : moved) {
            assertThat(m.path("task_id").asInt()).as(m.toString()).isGreaterThanOrEqualTo(firstOfTheOtherCamera);
            assertThat(m.path("image").asText()).isEqualTo("/data/upload/12/d" + m.path("task_id").asInt() + ".png");
            assertThat(m.path("features").path("width").asDouble()).isEqualTo(96);
            assertThat(m.path("distance").asDouble()).isGreaterThan(1);
        }
    }

    @Test
    void anUnknownProjectHasNoDrift() throws Exception {
        assertThat(get("/api/v1/projects/404/drift").statusCode()).isEqualTo(404);
    }

    private static void predict(int count, java.util.function.Supplier<byte[]> images) {
        List<Task> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(task(images.get()));
            if (batch.size() == 20) {
                assertThat(ls.predict(batch).status()).isEqualTo(200);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            assertThat(ls.predict(batch).status()).isEqualTo(200);
        }
    }

    private static Task task(byte[] png) {
        int id = nextTask++;
        return Tasks.imageTask(id, backend.labelStudio().upload(PROJECT, "d" + id + ".png", png));
    }

    private static JsonNode feature(JsonNode report, String name) {
        for (JsonNode f : report.path("per_feature")) {
            if (f.path("feature").asText().equals(name)) {
                return f;
            }
        }
        throw new AssertionError("no feature " + name + " in " + report);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return backend.send("GET", path, null);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return BackendHttp.ok("drift", response);
    }
}
