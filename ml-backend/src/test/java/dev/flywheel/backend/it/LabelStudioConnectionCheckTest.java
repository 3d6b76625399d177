package dev.flywheel.backend.it;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.model.json.FlywheelJson;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * With {@code LABEL_STUDIO_URL} set, Flywheel asks Label Studio who its token belongs to at start and on each
 * {@code /setup}, and says what is wrong — unreachable, token refused, not Label Studio's base URL — in the log and in
 * {@code /setup}'s reply, never with the token in the words.
 */
class LabelStudioConnectionCheckTest {

    private static final ObjectMapper MAPPER = FlywheelJson.newMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String WRONG_TOKEN = "wrong-token-77c1e9d2-never-echo";

    @TempDir
    Path home;

    @Test
    void aReachableLabelStudioThatAcceptsTheTokenGivesNoWarning() throws Exception {
        try (FakeLabelStudio labelStudio = new FakeLabelStudio();
                Captured log = Captured.start();
                RunningBackend backend = RunningBackend.start(home, Map.of(
                        "LABEL_STUDIO_URL", labelStudio.url(), "LABEL_STUDIO_API_KEY", FakeLabelStudio.TOKEN))) {
            assertThat(log.await(m -> m.contains("answers and accepts the token"))).as("said at start").isTrue();

            JsonNode reply = setup(backend.uri(), labelStudio.url());

            assertThat(reply.path("model_version").isTextual()).isTrue();
            assertThat(reply.has("warning")).as(reply.toString()).isFalse();
        }
    }

    @Test
    void aRefusedTokenIsSaidAtStartAndInTheSetupReplyWithoutTheToken() throws Exception {
        try (FakeLabelStudio labelStudio = new FakeLabelStudio();
                Captured log = Captured.start();
                RunningBackend backend = RunningBackend.start(home, Map.of(
                        "LABEL_STUDIO_URL", labelStudio.url(), "LABEL_STUDIO_API_KEY", WRONG_TOKEN))) {
            assertThat(log.await(m -> m.contains("refused the token"))).as("warned at start").isTrue();

            JsonNode reply = setup(backend.uri(), labelStudio.url());

            assertThat(reply.path("warning").asText()).contains("refused the token", "HTTP 401", "LABEL_STUDIO_API_KEY")
                    .doesNotContain(WRONG_TOKEN);
            assertThat(log.lines()).noneMatch(line -> line.contains(WRONG_TOKEN));
        }
    }

    @Test
    void anUnreachableUrlAndAUrlThatIsNotLabelStudiosBaseAreToldApart() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String unreachable = "http://127.0.0.1:" + closedPort;
        try (RunningBackend backend = RunningBackend.start(home, Map.of("LABEL_STUDIO_URL", unreachable))) {
            assertThat(setup(backend.uri(), unreachable).path("warning").asText()).contains("cannot be reached", unreachable);
        }
        try (FakeLabelStudio labelStudio = new FakeLabelStudio();
                RunningBackend backend = RunningBackend.start(home.resolve("second"), Map.of(
                        "LABEL_STUDIO_URL", labelStudio.url() + "/projects/3", "LABEL_STUDIO_API_KEY", FakeLabelStudio.TOKEN))) {
            assertThat(setup(backend.uri(), labelStudio.url()).path("warning").asText()).contains("HTTP 404", "base URL");
        }
    }

    private static JsonNode setup(URI backend, String hostname) throws Exception {
        String body = MAPPER.writeValueAsString(Map.of("project", "4.1764494000", "schema", ShapeScenes.CONFIG,
                "hostname", hostname, "access_token", ""));
        HttpResponse<String> reply = HTTP.send(HttpRequest.newBuilder(backend.resolve("/setup")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        return MAPPER.readTree(reply.body());
    }

    /** Log lines of the backend while a test runs. */
    private record Captured(Logger root, ListAppender<ILoggingEvent> appender) implements AutoCloseable {

        static Captured start() {
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            ListAppender<ILoggingEvent> appender = new ListAppender<>();
            appender.setContext(context);
            appender.start();
            Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            root.addAppender(appender);
            return new Captured(root, appender);
        }

        List<String> lines() {
            synchronized (appender.list) {
                return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            }
        }

        boolean await(Predicate<String> wanted) throws InterruptedException {
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (System.nanoTime() < deadline) {
                if (lines().stream().anyMatch(wanted)) {
                    return true;
                }
                Thread.sleep(50);
            }
            return false;
        }

        @Override
        public void close() {
            root.detachAppender(appender);
        }
    }
}
