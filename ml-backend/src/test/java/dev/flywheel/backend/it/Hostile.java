package dev.flywheel.backend.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.model.json.FlywheelJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** Sends hostile requests and checks the one promise every refusal keeps: a 4xx ApiError, nothing leaked, still up. */
final class Hostile {

    static final ObjectMapper MAPPER = FlywheelJson.newMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Markers of a stack trace or an exception's class name in a body. */
    static final List<String> STACK_TRACE = List.of("\tat ", "at dev.flywheel", "at io.javalin", "at com.fasterxml", "Exception:",
            "Exception\"", "StackOverflow", "java.lang.", "org.eclipse.jetty");
    /** Lines of /etc/passwd and of the planted file, neither of which may ever appear in a reply. */
    static final List<String> FILE_CONTENTS = List.of("root:x:0:0", "root:*:0:0", "PLANTED-SECRET-FILE-7c4e");

    private Hostile() {}

    static HttpResponse<String> post(URI base, String path, byte[] body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(90))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(URI base, String path, String body) throws IOException, InterruptedException {
        return post(base, path, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static HttpResponse<String> get(URI base, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(90)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A 4xx whose body is an ApiError, with no stack trace, secret or file contents in it. */
    static JsonNode assertRefused(HttpResponse<String> response, String what, String... secrets) throws IOException {
        assertThat(response.statusCode()).as("%s: %s", what, response.body()).isBetween(400, 499);
        assertClean(response, what, secrets);
        JsonNode body = MAPPER.readTree(response.body());
        assertThat(body.path("error").asText()).as(what).isNotBlank();
        assertThat(body.path("detail").asText()).as(what).isNotBlank();
        return body;
    }

    /** No stack trace, no secret and no file contents in the body, whatever the status. */
    static void assertClean(HttpResponse<String> response, String what, String... secrets) {
        assertThat(response.body()).as(what).doesNotContain(STACK_TRACE).doesNotContain(FILE_CONTENTS);
        for (String secret : secrets) {
            assertThat(response.body()).as(what).doesNotContain(secret);
        }
    }

    /** {@code /health} still answers UP. */
    static void assertHealthy(URI base, String after) throws IOException, InterruptedException {
        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(base.resolve("/health")).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).as("/health after %s", after).isEqualTo(200);
        assertThat(MAPPER.readTree(health.body()).path("status").asText()).isEqualTo("UP");
    }
}
