package dev.flywheel.backend.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.fixtures.Annotations;
import dev.flywheel.fixtures.Tasks;
import dev.flywheel.fixtures.simulator.LabelStudioSimulator;
import dev.flywheel.model.json.FlywheelJson;
import dev.flywheel.model.labelstudio.Task;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Someone on the network, tried as they would: a {@code /setup} naming their own host must not get the operator's
 * key, a cross-site form must not reach a state-changing route, and a rebound name must not reach a loopback backend.
 */
class HostileNetworkTest {

    private static final ObjectMapper MAPPER = FlywheelJson.newMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path home;

    @Test
    void aSetupNamingAForeignHostNeverGetsTheOperatorsKeyThroughBackfillImagesOrLaterCalls() throws Exception {
        try (MockWebServer foreign = new MockWebServer(); FakeLabelStudio labelStudio = new FakeLabelStudio()) {
            byte[] png = ShapeScenes.png(0, new Random(1));
            foreign.setDispatcher(new mockwebserver3.Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return request.getUrl().encodedPath().contains("export")
                            ? new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body("[]").build()
                            : new MockResponse.Builder().code(200).setHeader("Content-Type", "image/png").body(new Buffer().write(png)).build();
                }
            });
            foreign.start(InetAddress.getByName("127.0.0.1"), 0);
            String foreignUrl = "http://127.0.0.1:" + foreign.getPort();
            // The operator's key belongs to the operator's Label Studio, listed as the one host a /setup may send it to.
            String listed = URI.create(labelStudio.url()).getAuthority();
            try (RunningBackend backend = RunningBackend.start(home, Map.of("FLYWHEEL_LABEL_STUDIO_HOSTS", listed,
                    "LABEL_STUDIO_API_KEY", FakeLabelStudio.TOKEN))) {
                LabelStudioSimulator ls = LabelStudioSimulator.of(backend.uri());
                ls.connect("5.1765000000", ShapeScenes.CONFIG, foreignUrl, "attacker-token");
                ls.startTraining();
                List<Task> tasks = List.of(Tasks.imageTask(1, foreignUrl + "/data/upload/5/a.png"), Tasks.imageTask(2, "/data/upload/5/b.png"));
                for (int i = 0; i < tasks.size(); i++) {
                    ls.annotate(tasks.get(i), Annotations.choice(50 + i, tasks.get(i).id(), ShapeScenes.LABELS.get(0)));
                }
                ls.predict(tasks);
                // The listed host does get the key: a /setup naming it is served with the operator's key.
                LabelStudioSimulator own = LabelStudioSimulator.of(backend.uri());
                own.connect("6.1765000000", ShapeScenes.CONFIG, labelStudio.url(), "");
                own.startTraining();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (labelStudio.exportAuthorizations().isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(labelStudio.exportAuthorizations()).first().isEqualTo("Token " + FakeLabelStudio.TOKEN);
                assertThat(labelStudio.unauthorizedRequests()).isZero();
            }
            assertThat(foreign.getRequestCount()).as("the foreign host was asked (backfill, images)").isPositive();
            RecordedRequest request;
            while ((request = foreign.takeRequest(100, TimeUnit.MILLISECONDS)) != null) {
                String authorization = String.valueOf(request.getHeaders().get("Authorization"));
                assertThat(authorization).as(request.getUrl().toString()).doesNotContain(FakeLabelStudio.TOKEN);
            }
        }
    }

    @Test
    void aCrossSiteFormIsRefusedWith415AndLabelStudiosJsonStillPasses() throws Exception {
        try (RunningBackend backend = RunningBackend.start(home, Map.of())) {
            for (String path : List.of("/setup", "/webhook", "/predict", "/train", "/api/v1/projects/1/train")) {
                HttpResponse<String> form = HTTP.send(HttpRequest.newBuilder(backend.uri().resolve(path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("action=START_TRAINING")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(form.statusCode()).as(path).isEqualTo(415);
                assertThat(MAPPER.readTree(form.body()).path("error").asText()).isEqualTo("unsupported_media_type");
            }
            HttpResponse<String> json = HTTP.send(HttpRequest.newBuilder(backend.uri().resolve("/webhook"))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"PROJECT_UPDATED\",\"project\":{\"id\":1}}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(json.statusCode()).isBetween(200, 201);
        }
    }

    @Test
    void aLoopbackBackendAnswersNoRequestForARenamedHostSoARebindingPageCannotReadOrChangeIt() throws Exception {
        try (RunningBackend backend = RunningBackend.start(home, Map.of("FLYWHEEL_ALLOWED_HOSTS", "flywheel.proxy.local"))) {
            assertThat(rawGet(backend.uri(), "attacker.example:" + backend.uri().getPort())).startsWith("HTTP/1.1 403");
            assertThat(rawGet(backend.uri(), "localhost:" + backend.uri().getPort())).startsWith("HTTP/1.1 200");
            assertThat(rawGet(backend.uri(), "flywheel.proxy.local")).startsWith("HTTP/1.1 200");
            JsonNode health = MAPPER.readTree(HTTP.send(HttpRequest.newBuilder(backend.uri().resolve("/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertThat(health.path("auth").asText()).isEqualTo("off");
        }
    }

    /** A GET of {@code /api/v1/projects} with the {@code Host} a browser sends after a DNS rebinding. */
    private static String rawGet(URI backend, String host) throws Exception {
        try (Socket socket = new Socket(backend.getHost(), backend.getPort())) {
            socket.getOutputStream().write(("GET /api/v1/projects HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
