package dev.flywheel.backend.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flywheel.backend.testing.TestModels;
import dev.flywheel.fixtures.LabelStudioFixtures;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Shapes Label Studio sends that Flywheel does not use never fail a request: users as e-mail strings, lists where an id
 * was expected, unknown keys, nulls; and a {@code /predict} without {@code project} is served by the project its
 * label config belongs to.
 */
class LabelStudioShapesTest {

    private static final ObjectMapper MAPPER = BackendHttp.MAPPER;
    private static final LabelStudioFixtures FIXTURES = new LabelStudioFixtures();

    @RegisterExtension
    final LiveBackend live = LiveBackend.plain();

    @Test
    void aPredictWithoutProjectIsServedByTheProjectItsLabelConfigWasSetUpWithAndDraftsWithEmailUsersDoNotFailIt() throws Exception {
        live.startWith(TestModels.detectorEnv());
        FakeLabelStudio labelStudio = live.labelStudio();
        ObjectNode request = (ObjectNode) FIXTURES.json("predict-request-tasks-with-drafts-no-project.json");
        String image = labelStudio.upload(3, "scene-a.png", TinyDetectorScenes.scene(20, 30, 40, 20));
        ((ObjectNode) request.path("tasks").get(0).path("data")).put("image", image);
        String version = live.ls().connect("3.1764494000", request.path("label_config").asText(),
                labelStudio.url(), FakeLabelStudio.TOKEN);

        HttpResponse<String> reply = post("/predict", request);

        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        JsonNode prediction = MAPPER.readTree(reply.body()).path("results").get(0);
        assertThat(prediction.path("model_version").asText()).isEqualTo(version);
        assertThat(prediction.path("result")).as("boxes from project 3's detector").isNotEmpty();
    }

    @Test
    void aPredictForAConfigNoProjectWasSetUpWithIsAnsweredWithoutPrelabels() throws Exception {
        ObjectNode request = (ObjectNode) FIXTURES.json("predict-request-tasks-with-drafts-no-project.json");

        HttpResponse<String> reply = post("/predict", request);

        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        JsonNode results = MAPPER.readTree(reply.body()).path("results");
        assertThat(results).hasSize(1);
        assertThat(results.get(0).path("result")).isEmpty();
        assertThat(results.get(0).path("model_version").asText()).isEqualTo("untrained");
    }

    @Test
    void anAnnotationWhoseUserIsAnEmailWithUnknownKeysAndNullsIsStored() throws Exception {
        ObjectNode event = (ObjectNode) FIXTURES.json("webhook-annotation-updated-image-rectangles-docs.json");
        event.put("action", "ANNOTATION_CREATED");
        ObjectNode annotation = (ObjectNode) event.path("annotation");
        annotation.put("completed_by", "ann@example.com");
        annotation.set("updated_by", MAPPER.createArrayNode().add(MAPPER.createObjectNode().put("user_id", 1)));
        annotation.putNull("draft_created_at");
        annotation.putNull("import_id");
        annotation.set("a_field_of_a_later_version", MAPPER.createObjectNode().put("nested", true).putNull("empty"));
        annotation.put("result_count", "2");

        HttpResponse<String> reply = post("/webhook", event);

        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
        JsonNode stats = live.get("/api/v1/projects/1/stats");
        assertThat(stats.path("annotations").asInt()).isEqualTo(1);
    }

    private HttpResponse<String> post(String path, JsonNode body) throws Exception {
        return live.post(path, MAPPER.writeValueAsString(body));
    }
}
