package dev.flywheel.backend.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flywheel.backend.training.TrainingSettings;
import dev.flywheel.fixtures.Annotations;
import dev.flywheel.fixtures.simulator.LabelStudioSimulator;
import dev.flywheel.fixtures.simulator.Reply;
import dev.flywheel.model.labelstudio.Task;
import dev.flywheel.model.labelstudio.WebhookResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real backend for an integration test, as a JUnit extension: a fresh home folder (real SQLite in it), a
 * {@link FakeLabelStudio} and the backend on a free loopback port, started on first use and closed after each test
 * (registered on an instance field) or after the class (on a static field). {@link #restart} starts it again on the
 * same home, as an operator's restart would; the JSON helpers speak real HTTP to it.
 */
final class LiveBackend implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private final Map<String, String> env;
    private final TrainingSettings settings;
    private boolean perClass;
    private Path home;
    private FakeLabelStudio labelStudio;
    private RunningBackend backend;
    private LabelStudioSimulator ls;

    private LiveBackend(Map<String, String> env, TrainingSettings settings) {
        this.env = env;
        this.settings = settings;
    }

    /** The backend as {@code Main} starts it with no variables but its home, port and host. */
    static LiveBackend plain() {
        return with(Map.of());
    }

    /** The backend started with {@code env} on top of its home, port and host. */
    static LiveBackend with(Map<String, String> env) {
        return new LiveBackend(env, RunningBackend.SETTINGS);
    }

    /** The same with other training settings. */
    LiveBackend settings(TrainingSettings other) {
        return new LiveBackend(env, other);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        perClass = true;
        open();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        close();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        if (!perClass) {
            open();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (!perClass) {
            close();
        }
    }

    /** The backend's home: its SQLite database, models and caches. */
    Path home() {
        return home;
    }

    /** Label Studio on loopback, started on first use. */
    FakeLabelStudio labelStudio() {
        if (labelStudio == null) {
            try {
                labelStudio = new FakeLabelStudio();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return labelStudio;
    }

    /** The running backend, started with the extension's variables if it is not running. */
    RunningBackend backend() {
        if (backend == null) {
            backend = RunningBackend.start(home, env, settings);
        }
        return backend;
    }

    /** Starts the backend with {@code otherEnv} instead of the extension's variables, on the same home; a running one is stopped first. */
    RunningBackend startWith(Map<String, String> otherEnv) {
        stop();
        backend = RunningBackend.start(home, otherEnv, settings);
        return backend;
    }

    /** Stops the running backend (if any) and starts it again on the same home with the extension's variables. */
    RunningBackend restart() {
        return startWith(env);
    }

    /** Stops the backend, leaving its home for the next start; files can be damaged or checked in between. */
    void stop() {
        if (backend != null) {
            backend.close();
            backend = null;
            ls = null;
        }
    }

    URI uri() {
        return backend().uri();
    }

    /**
     * Label Studio's side of the ML backend protocol, aimed at the running backend: one simulator per start, as it
     * remembers the project it connected.
     */
    LabelStudioSimulator ls() {
        if (ls == null) {
            ls = LabelStudioSimulator.of(uri());
        }
        return ls;
    }

    /** Connects project {@code projectUid} with the shape scenes' config and the fake's URL and token; answers the version. */
    String connectShapes(String projectUid) {
        return ls().connect(projectUid, ShapeScenes.CONFIG, labelStudio().url(), FakeLabelStudio.TOKEN);
    }

    /**
     * Annotates {@code tasks[from, to)} with their shape's label through webhooks, annotation ids from
     * {@code firstAnnotation + from}; each first-time webhook must be acknowledged with 201.
     */
    void annotateShapes(List<Task> tasks, int from, int to, long firstAnnotation) {
        for (int i = from; i < to; i++) {
            Task task = tasks.get(i);
            Reply<WebhookResponse> ack = ls().annotate(task, Annotations.choice(firstAnnotation + i, task.id(), ShapeScenes.LABELS.get(i % 3)));
            assertThat(ack.status()).as("webhook of task %d", task.id()).isEqualTo(201);
        }
    }

    InsightsPoller insights() {
        return new InsightsPoller(uri());
    }

    /** The body of a GET that must answer 200. */
    JsonNode get(String path) throws IOException, InterruptedException {
        return BackendHttp.getJson(uri(), path);
    }

    HttpResponse<String> send(String method, String path, String body, String... headers) throws IOException, InterruptedException {
        return BackendHttp.send(uri(), method, path, body, headers);
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return BackendHttp.post(uri(), path, body);
    }

    private void open() throws IOException {
        home = Files.createTempDirectory("flywheel-home-");
    }

    private void close() throws IOException {
        try {
            stop();
        } finally {
            if (labelStudio != null) {
                labelStudio.close();
                labelStudio = null;
            }
            deleteHome();
        }
    }

    private void deleteHome() throws IOException {
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
