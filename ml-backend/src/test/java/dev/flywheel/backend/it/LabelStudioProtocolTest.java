package dev.flywheel.backend.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.fixtures.LabelStudioFixtures;
import dev.flywheel.fixtures.Tasks;
import dev.flywheel.fixtures.simulator.LabelStudioSimulator;
import dev.flywheel.fixtures.simulator.Reply;
import dev.flywheel.model.labelstudio.PredictResponse;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Label Studio's side of the protocol against the real server: shapes, status codes and errors as the spec says. */
class LabelStudioProtocolTest {

    @RegisterExtension
    static final LiveBackend backend = LiveBackend.plain();
    private static final ObjectMapper MAPPER = BackendHttp.MAPPER;
    private final LabelStudioFixtures fixtures = new LabelStudioFixtures();

    @Test
    void healthAndRootAnswerUpWithTheModelClass() throws Exception {
        for (String path : List.of("/health", "/")) {
            HttpResponse<String> response = send("GET", path, null);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            JsonNode body = MAPPER.readTree(response.body());
            assertThat(body.path("status").asText()).isEqualTo("UP");
            assertThat(body.path("model_class").asText()).isEqualTo("Flywheel");
        }
    }

    @Test
    void setupOfAClassificationProjectAnswersAStringModelVersion() {
        LabelStudioSimulator ls = LabelStudioSimulator.of(backend.uri());
        String version = ls.connect("11.1700000000", ShapeScenes.CONFIG, "http://127.0.0.1:1", null);

        assertThat(version).isEqualTo("untrained");
    }

    @Test
    void setupOfAnUnsupportedConfigIsRefusedWithWhatFlywheelServesAndWhatItFound() throws Exception {
        String polygon = fixtures.text("label-config-polygonlabels.xml");

        HttpResponse<String> response = send("POST", "/setup", Map.of("project", "12.1700000000", "schema", polygon));

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode body = MAPPER.readTree(response.body());
        assertThat(body.path("error").asText()).isEqualTo("unsupported_label_config");
        assertThat(body.path("detail").asText()).contains("<Choices>", "<RectangleLabels>", "PolygonLabels(label→image)");
    }

    @Test
    void predictBeforeAnyModelGivesOneEmptyPredictionPerTaskInOrder() {
        LabelStudioSimulator ls = LabelStudioSimulator.of(backend.uri());
        ls.connect("13.1700000000", ShapeScenes.CONFIG, "http://127.0.0.1:1", null);

        Reply<PredictResponse> reply = ls.predict(List.of(
                Tasks.imageTask(101, "/data/upload/13/a.png"), Tasks.imageTask(102, "/data/upload/13/b.png"), Tasks.imageTask(103, "/data/upload/13/c.png")));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().modelVersion()).isEqualTo("untrained");
        assertThat(reply.body().results()).hasSize(3);
        assertThat(reply.body().predictions()).allSatisfy(p -> {
            assertThat(p.result()).isEmpty();
            assertThat(p.modelVersion()).isEqualTo("untrained");
            assertThat(p.score()).isZero();
        });
    }

    @Test
    void objectDetectionProjectsGetEmptyResultsUntilDetectionIsServed() throws Exception {
        LabelStudioSimulator ls = LabelStudioSimulator.of(backend.uri());
        ls.connect("14.1700000000", fixtures.text("label-config-object-detection-rectanglelabels.xml"), "http://127.0.0.1:1", null);

        Reply<PredictResponse> reply = ls.predict(List.of(Tasks.imageTask(1, "/data/upload/14/a.png")));

        assertThat(reply.body().predictions()).singleElement().satisfies(p -> assertThat(p.result()).isEmpty());
    }

    @Test
    void everyWebhookActionIsAcknowledgedAndUnknownOnesWith200() throws Exception {
        HttpResponse<String> known = send("POST", "/webhook", fixtures.json("webhook-annotation-created-minimal.json"));
        HttpResponse<String> unknown = send("POST", "/webhook", Map.of("action", "SOMETHING_NEW", "project", Map.of("id", 15)));
        HttpResponse<String> noAction = send("POST", "/webhook", Map.of("project", Map.of("id", 15)));

        assertThat(known.statusCode()).isEqualTo(201);
        assertThat(MAPPER.readTree(known.body()).path("status").asText()).isEqualTo("ok");
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(MAPPER.readTree(unknown.body()).path("status").asText()).isEqualTo("Unknown event");
        assertThat(noAction.statusCode()).isEqualTo(200);
    }

    @Test
    void malformedJsonAndWrongTypesGet400WithErrorAndDetailAndNoStackTrace() throws Exception {
        HttpResponse<String> malformed = sendRaw("/predict", "{\"tasks\": [");
        HttpResponse<String> wrongType = send("POST", "/predict", Map.of("tasks", "not a list", "project", "1.1"));
        HttpResponse<String> missing = send("POST", "/setup", Map.of("schema", ShapeScenes.CONFIG));
        HttpResponse<String> empty = sendRaw("/setup", "");

        for (HttpResponse<String> response : List.of(malformed, wrongType, missing, empty)) {
            assertThat(response.statusCode()).isEqualTo(400);
            JsonNode body = MAPPER.readTree(response.body());
            assertThat(body.path("error").asText()).isNotBlank();
            assertThat(body.path("detail").asText()).isNotBlank();
            assertThat(response.body()).doesNotContain("at dev.flywheel", "Exception:", "\tat ");
        }
        assertThat(MAPPER.readTree(malformed.body()).path("error").asText()).isEqualTo("malformed_json");
        assertThat(MAPPER.readTree(wrongType.body()).path("fields").has("tasks")).isTrue();
    }

    @Test
    void versionsAndMetricsAnswerJson() throws Exception {
        HttpResponse<String> versions = send("GET", "/versions", null);
        HttpResponse<String> metrics = send("GET", "/metrics", null);

        assertThat(versions.statusCode()).isEqualTo(200);
        assertThat(MAPPER.readTree(versions.body()).path("versions").isArray()).isTrue();
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(MAPPER.readTree(metrics.body()).isObject()).isTrue();
    }

    @Test
    void unknownRoutesAnswerAJson404() throws Exception {
        HttpResponse<String> response = send("GET", "/nope", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(MAPPER.readTree(response.body()).path("error").asText()).isEqualTo("not_found");
    }

    private static HttpResponse<String> send(String method, String path, Object body) throws Exception {
        return body == null ? backend.send("GET", path, null) : backend.send(method, path, MAPPER.writeValueAsString(body));
    }

    private static HttpResponse<String> sendRaw(String path, String body) throws Exception {
        return backend.post(path, body);
    }
}
