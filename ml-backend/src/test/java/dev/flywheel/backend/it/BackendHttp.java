package dev.flywheel.backend.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.model.json.FlywheelJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** JSON over real HTTP to a backend at {@code base}, as the integration tests send and read it. */
final class BackendHttp {

    static final ObjectMapper MAPPER = FlywheelJson.newMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private BackendHttp() {}

    /**
     * Sends {@code body} (none when null) as JSON; {@code headers} are name, value pairs. The timeout is long: a
     * request may wait behind training on a two-core CI machine.
     */
    static HttpResponse<String> send(URI base, String method, String path, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(90))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(URI base, String path) throws IOException, InterruptedException {
        return send(base, "GET", path, null);
    }

    static HttpResponse<String> post(URI base, String path, String body) throws IOException, InterruptedException {
        return send(base, "POST", path, body);
    }

    /** The body of a GET that must answer 200. */
    static JsonNode getJson(URI base, String path) throws IOException, InterruptedException {
        return ok(path, get(base, path));
    }

    /** The body of a reply that must be 200, the path and body named if it is not. */
    static JsonNode ok(String what, HttpResponse<String> response) {
        assertThat(response.statusCode()).as("%s: %s", what, response.body()).isEqualTo(200);
        return json(response);
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }
}
