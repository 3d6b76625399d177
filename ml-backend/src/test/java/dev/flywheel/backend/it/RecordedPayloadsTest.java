package dev.flywheel.backend.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flywheel.fixtures.LabelStudioFixtures;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every request Label Studio really sent (the shared fixtures) replayed against the real server. */
class RecordedPayloadsTest {

    @RegisterExtension
    static final LiveBackend backend = LiveBackend.plain();
    private static final LabelStudioFixtures FIXTURES = new LabelStudioFixtures();

    /** Fixture, endpoint, and the status the spec calls for (422: a config Flywheel does not serve, said clearly). */
    static Stream<Arguments> recordedRequests() {
        return Stream.of(
                Arguments.of("setup-request-with-extra-params.json", "/setup", 422),
                Arguments.of("setup-request-with-hostname-and-access-token.json", "/setup", 422),
                Arguments.of("predict-request-batch-image-upload-url.json", "/predict", 200),
                Arguments.of("predict-request-interactive-ocr-rectangle-context.json", "/predict", 200),
                Arguments.of("predict-request-text-classification-minimal.json", "/predict", 422),
                Arguments.of("webhook-annotation-created-minimal.json", "/webhook", 201),
                Arguments.of("webhook-annotation-created-text-docs.json", "/webhook", 201),
                Arguments.of("webhook-annotation-updated-image-rectangles-docs.json", "/webhook", 201),
                Arguments.of("webhook-tasks-created-docs.json", "/webhook", 201),
                Arguments.of("webhook-start-training.json", "/webhook", 201));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("recordedRequests")
    void aRecordedLabelStudioRequestGetsTheStatusTheSpecCallsFor(String fixture, String endpoint, int status) throws Exception {
        HttpResponse<String> response = post(endpoint, FIXTURES.text(fixture));

        assertThat(response.statusCode()).isEqualTo(status);
        JsonNode body = BackendHttp.json(response);
        if (status >= 400) {
            assertThat(body.path("error").asText()).isEqualTo("unsupported_label_config");
            assertThat(body.path("detail").asText()).startsWith("Flywheel serves");
        } else if (endpoint.equals("/predict")) {
            int tasks = FIXTURES.json(fixture).path("tasks").size();
            assertThat(body.path("results")).hasSize(tasks);
            assertThat(body.path("model_version").isTextual()).isTrue();
            body.path("results").forEach(result -> assertThat(result.path("result").isArray()).isTrue());
        } else {
            assertThat(body.path("status").asText()).isEqualTo("ok");
        }
    }

    @Test
    void theRecordedWebhooksLeaveTheServerHealthy() throws Exception {
        HttpResponse<String> health = backend.send("GET", "/health", null);

        assertThat(health.statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> post(String endpoint, String body) throws Exception {
        return backend.send("POST", endpoint, body, "User-Agent", "heartex/1.20.0");
    }
}
