package dev.flywheel.backend.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With BASIC_AUTH_USER and BASIC_AUTH_PASS set, every route asks for them and nothing leaks the password. */
class BasicAuthTest {

    private static final String USER = "labelstudio";
    private static final String PASSWORD = "s3cret-pass-7d1e";

    @TempDir
    static Path home;

    private static RunningBackend backend;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        backend = RunningBackend.start(home, Map.of("BASIC_AUTH_USER", USER, "BASIC_AUTH_PASS", PASSWORD));
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    @Test
    void everyRouteRefusesRequestsWithoutCredentials() throws Exception {
        for (String path : List.of("/health", "/", "/versions", "/metrics", "/api/v1/projects")) {
            HttpResponse<String> response = get(path, null);

            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).as(path).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
            assertThat(response.body()).contains("\"error\":\"unauthorized\"").doesNotContain(PASSWORD);
        }
        HttpResponse<String> webhook = HTTP.send(HttpRequest.newBuilder(URI.create(backend.uri() + "/webhook")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"ANNOTATION_CREATED\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(webhook.statusCode()).isEqualTo(401);
    }

    @Test
    void wrongPasswordsAndWrongUsersAreRefused() throws Exception {
        assertThat(get("/health", basic(USER, "wrong")).statusCode()).isEqualTo(401);
        assertThat(get("/health", basic("someone", PASSWORD)).statusCode()).isEqualTo(401);
        assertThat(get("/health", basic(USER, PASSWORD + "x")).statusCode()).isEqualTo(401);
        assertThat(get("/health", "Bearer " + PASSWORD).statusCode()).isEqualTo(401);
        assertThat(get("/health", "Basic not-base64!").statusCode()).isEqualTo(401);
    }

    @Test
    void theRightCredentialsPass() throws Exception {
        HttpResponse<String> response = get("/health", basic(USER, PASSWORD));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(backend.uri() + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
