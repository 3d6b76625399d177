package dev.flywheel.backend.it;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.flywheel.backend.config.BackendConfig;
import dev.flywheel.fixtures.Annotations;
import dev.flywheel.fixtures.Tasks;
import dev.flywheel.fixtures.simulator.LabelStudioSimulator;
import dev.flywheel.fixtures.simulator.Reply;
import dev.flywheel.model.labelstudio.PredictResponse;
import dev.flywheel.model.labelstudio.Task;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A whole backend run with a Label Studio token and a basic-auth password configured — setup, webhooks, training that
 * downloads images with the token, predictions, refusals and errors — leaves neither secret in any log line (message,
 * arguments, stack traces) nor in any response body.
 */
class SecretsStayOutOfLogsTest {

    private static final String USER = "labelstudio";
    private static final String PASSWORD = "pw-9f3b27c1-never-log-me";
    private static final String SETUP_TOKEN = "setup-token-5a81e0d4-never-log-me";
    private static final long PROJECT = 51;

    @TempDir
    Path home;

    @Test
    void neitherTheTokenNorThePasswordAppearsInTheLogOrAnyBody() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger flywheel = context.getLogger("dev.flywheel");
        Level before = flywheel.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext(context);
        captured.start();
        root.addAppender(captured);
        flywheel.setLevel(Level.DEBUG);
        List<String> bodies = new ArrayList<>();
        try (FakeLabelStudio labelStudio = new FakeLabelStudio()) {
            Map<String, String> env = new HashMap<>(Map.of("LABEL_STUDIO_URL", labelStudio.url(), "LABEL_STUDIO_API_KEY",
                    FakeLabelStudio.TOKEN, "BASIC_AUTH_USER", USER, "BASIC_AUTH_PASS", PASSWORD));
            env.put("FLYWHEEL_HOME", home.toString());
            LoggerFactory.getLogger(SecretsStayOutOfLogsTest.class).info("starting with {}", BackendConfig.fromEnvironment(env).describe());
            try (RunningBackend backend = RunningBackend.start(home, env)) {
                exercise(backend.uri(), labelStudio, bodies);
            }
            assertThat(labelStudio.imagesServed()).as("images fetched with the token").isPositive();
        } finally {
            root.detachAppender(captured);
            flywheel.setLevel(before);
            captured.stop();
        }

        String log = render(context, captured.list);
        assertThat(captured.list).as("the run logged something to grep").hasSizeGreaterThan(5);
        for (String secret : List.of(FakeLabelStudio.TOKEN, PASSWORD, SETUP_TOKEN, basic(USER, PASSWORD).substring(6))) {
            assertThat(log).as("the log").doesNotContain(secret);
            assertThat(bodies).as("response bodies").noneMatch(b -> b.contains(secret));
        }
    }

    private void exercise(URI uri, FakeLabelStudio labelStudio, List<String> bodies) throws Exception {
        LabelStudioSimulator ls = LabelStudioSimulator.builder(uri).basicAuth(USER, PASSWORD).authenticatedWebhooks().build();
        ls.connect(PROJECT + ".1700000000", ShapeScenes.CONFIG, labelStudio.url(), SETUP_TOKEN);
        Random random = new Random(2);
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            tasks.add(Tasks.imageTask(5100 + i, labelStudio.upload(PROJECT, "p" + i + ".png", ShapeScenes.png(i % 3, random))));
        }
        for (int i = 0; i < 13; i++) {
            bodies.add(ls.annotate(tasks.get(i), Annotations.choice(51_000 + i, tasks.get(i).id(), ShapeScenes.LABELS.get(i % 3))).rawBody());
        }
        awaitModel(uri);
        Reply<PredictResponse> predicted = ls.predict(List.of(tasks.get(13), tasks.get(14),
                Tasks.imageTask(5199, "/data/upload/51/missing.png"), Tasks.imageTask(5198, "http://169.254.169.254/"),
                Tasks.imageTask(5197, labelStudio.url() + "/data/upload/51/p15.png?token=" + FakeLabelStudio.TOKEN)));
        assertThat(predicted.body().predictions().get(0).result()).hasSize(1);
        bodies.add(predicted.rawBody());
        bodies.add(ls.raw("predict", Map.of("project", "51.1", "label_config", "<View><!DOCTYPE x>", "tasks", List.of())).rawBody());
        bodies.add(ls.raw("setup", Map.of("project", "x", "schema", 5)).rawBody());
        bodies.add(ls.startTraining().rawBody());
        bodies.add(ls.raw("api/v1/projects/51/tasks/5199/image", null).rawBody());
        bodies.add(ls.raw("api/v1/projects/51/tasks/5100/image", null).status() == 200 ? "" : "preview failed");
        bodies.add(ls.raw("api/v1/projects/51/stats", null).rawBody());
        for (String authorization : List.of(basic(USER, "wrong-" + PASSWORD), basic(USER, PASSWORD + "x"), "Bearer " + PASSWORD,
                "Basic " + PASSWORD, "Token " + FakeLabelStudio.TOKEN)) {
            HttpResponse<String> refused = Hostile.HTTP.send(HttpRequest.newBuilder(uri.resolve("/health"))
                    .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(401);
            bodies.add(refused.body());
        }
        bodies.add(Hostile.post(uri, "/webhook", "{\"action\": \"ANNOTATION_CREATED\", \"token\": \"" + PASSWORD + "\"}").body());
    }

    private static String render(LoggerContext context, List<ILoggingEvent> events) {
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.setPattern("%level %logger %thread %mdc - %msg%n%ex{full}");
        layout.start();
        StringBuilder all = new StringBuilder();
        for (ILoggingEvent event : List.copyOf(events)) {
            all.append(layout.doLayout(event));
            if (event.getArgumentArray() != null) {
                for (Object argument : event.getArgumentArray()) {
                    all.append(argument).append('\n');
                }
            }
        }
        return all.toString();
    }

    private static void awaitModel(URI uri) throws Exception {
        new InsightsPoller(uri, "Authorization", basic(USER, PASSWORD)).awaitQuiet(PROJECT, Duration.ofSeconds(240));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
