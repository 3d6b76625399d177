package dev.flywheel.backend.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flywheel.fixtures.LabelStudioFixtures;
import dev.flywheel.fixtures.simulator.LabelStudioSimulator;
import dev.flywheel.model.json.FlywheelJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shapes Label Studio sends that Flywheel does not use never fail a request: users as e-mail strings, lists where an id
 * was expected, unknown keys, nulls; and a {@code /predict} without {@code project} is served by the project its
 * label config belongs to.
 */
class LabelStudioShapesTest {

    private static final ObjectMapper MAPPER = FlywheelJson.newMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final LabelStudioFixtures FIXTURES = new LabelStudioFixtures();

    @TempDir
    Path home;

    @Test
    void aPredictWithoutProjectIsServedByTheProjectItsLabelConfigWasSetUpWithAndDraftsWithEmailUsersDoNotFailIt() throws Exception {
        Path detector = Path.of(getClass().getResource("/detector/tiny_detector.pt").toURI());
        try (FakeLabelStudio labelStudio = new FakeLabelStudio();
                RunningBackend backend = RunningBackend.start(home, Map.of(
                        "FLYWHEEL_DETECTOR", detector.toString(), "FLYWHEEL_DETECTOR_INPUT_SIZE", "64"))) {
            ObjectNode request = (ObjectNode) FIXTURES.json("predict-request-tasks-with-drafts-no-project.json");
            String image = labelStudio.upload(3, "scene-a.png", DetectionPrelabelTest.scene(20, 30, 40, 20));
            ((ObjectNode) request.path("tasks").get(0).path("data")).put("image", image);
            String version = LabelStudioSimulator.of(backend.uri()).connect("3.1764494000", request.path("label_config").asText(),
                    labelStudio.url(), FakeLabelStudio.TOKEN);

            HttpResponse<String> reply = post(backend.uri(), "/predict", request);

            assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
            JsonNode prediction = MAPPER.readTree(reply.body()).path("results").get(0);
            assertThat(prediction.path("model_version").asText()).isEqualTo(version);
            assertThat(prediction.path("result")).as("boxes from project 3's detector").isNotEmpty();
        }
    }

    @Test
    void aPredictForAConfigNoProjectWasSetUpWithIsAnsweredWithoutPrelabels() throws Exception {
        try (RunningBackend backend = RunningBackend.start(home, Map.of())) {
            ObjectNode request = (ObjectNode) FIXTURES.json("predict-request-tasks-with-drafts-no-project.json");

            HttpResponse<String> reply = post(backend.uri(), "/predict", request);

            assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
            JsonNode results = MAPPER.readTree(reply.body()).path("results");
            assertThat(results).hasSize(1);
            assertThat(results.get(0).path("result")).isEmpty();
            assertThat(results.get(0).path("model_version").asText()).isEqualTo("untrained");
        }
    }

    @Test
    void anAnnotationWhoseUserIsAnEmailWithUnknownKeysAndNullsIsStored() throws Exception {
        try (RunningBackend backend = RunningBackend.start(home, Map.of())) {
            ObjectNode event = (ObjectNode) FIXTURES.json("webhook-annotation-updated-image-rectangles-docs.json");
            event.put("action", "ANNOTATION_CREATED");
            ObjectNode annotation = (ObjectNode) event.path("annotation");
            annotation.put("completed_by", "ann@example.com");
            annotation.set("updated_by", MAPPER.createArrayNode().add(MAPPER.createObjectNode().put("user_id", 1)));
            annotation.putNull("draft_created_at");
            annotation.putNull("import_id");
            annotation.set("a_field_of_a_later_version", MAPPER.createObjectNode().put("nested", true).putNull("empty"));
            annotation.put("result_count", "2");

            HttpResponse<String> reply = post(backend.uri(), "/webhook", event);

            assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
            JsonNode stats = get(backend.uri(), "/api/v1/projects/1/stats");
            assertThat(stats.path("annotations").asInt()).isEqualTo(1);
        }
    }

    private static HttpResponse<String> post(URI backend, String path, JsonNode body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(backend.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode get(URI backend, String path) throws Exception {
        return MAPPER.readTree(HTTP.send(HttpRequest.newBuilder(backend.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
    }
}
