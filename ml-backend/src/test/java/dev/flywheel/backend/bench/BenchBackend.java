package dev.flywheel.backend.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.backend.Backend;
import dev.flywheel.backend.Main;
import dev.flywheel.backend.config.BackendConfig;
import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.backend.registry.ModelRegistry;
import dev.flywheel.backend.training.TrainingPolicy;
import dev.flywheel.backend.training.TrainingSettings;
import dev.flywheel.model.json.FlywheelJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The real backend on a free loopback port, started as {@code Main} starts it, plus what a benchmark reads from it. */
final class BenchBackend implements AutoCloseable {

    static final ObjectMapper MAPPER = FlywheelJson.newMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Backend backend;
    private final Path home;
    private final ModelRegistry registry;

    private BenchBackend(Backend backend, Path home) {
        this.backend = backend;
        this.home = home;
        this.registry = new ModelRegistry(home.resolve("models"), MAPPER);
    }

    /**
     * The backend as a user starts it ({@code Main.start}), from an environment that holds only {@code FLYWHEEL_HOME},
     * {@code PORT=0} and {@code settings}: what a benchmark must give (none, for the shipped defaults) or a tuned
     * setting the report labels as such.
     */
    static BenchBackend start(Path home, Map<String, String> settings) {
        Map<String, String> env = new java.util.HashMap<>(settings);
        env.put("FLYWHEEL_HOME", home.toString());
        env.put("PORT", "0");
        return new BenchBackend(Main.start(env), home);
    }

    /** A backend with training settings and a policy no environment can set (e.g. training only on Start Training). */
    static BenchBackend tuned(Path home, TrainingSettings settings, TrainingPolicy policy, Map<String, String> extraEnv) {
        Map<String, String> env = new java.util.HashMap<>(Map.of("FLYWHEEL_HOME", home.toString(), "PORT", "0", "HOST", "127.0.0.1"));
        env.putAll(extraEnv);
        return new BenchBackend(Backend.start(BackendConfig.fromEnvironment(env), settings, policy), home);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + backend.port());
    }

    Path versionDir(long project, String version) {
        return registry.versionDir(project, version);
    }

    ModelManifest manifest(long project, String version) {
        return registry.manifest(project, version).orElseThrow();
    }

    Path home() {
        return home;
    }

    /** Every issue on the project's label-issues page, most likely first, read page by page as the IDE does. */
    java.util.List<JsonNode> labelIssues(long project) throws IOException, InterruptedException {
        java.util.List<JsonNode> all = new java.util.ArrayList<>();
        String cursor = "0";
        while (cursor != null) {
            JsonNode page = get("/api/v1/projects/" + project + "/label-issues?limit=100&cursor=" + cursor);
            page.path("issues").forEach(all::add);
            cursor = page.path("next_cursor").isTextual() ? page.path("next_cursor").asText() : null;
        }
        return all;
    }

    /** Waits until the audit of {@code version} is done, and returns the label-issues page read after it. */
    JsonNode awaitAudit(long project, String version, Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        String path = "/api/v1/projects/" + project + "/label-issues?limit=1";
        while (System.nanoTime() < deadline) {
            JsonNode page = get(path);
            if (page.path("audit").path("status").asText().equals("done") && version.equals(page.path("audit").path("version").asText())) {
                Thread.sleep(2_000); // the worker recomputes the issues right after writing the audit
                return get(path);
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the audit of " + version + " did not finish within " + limit);
    }

    /** The active version once training has caught up, and when it first became active. */
    record Settled(String version, long activeSinceNanos, long firstChangeNanos) {}

    /**
     * Waits until no run is queued or training and the newest ready version, other than {@code previous}, is active,
     * seen so for a full second (a follow-up run is queued right after the one before finishes).
     */
    Settled awaitSettled(long project, String previous, Duration timeout) throws IOException, InterruptedException {
        return awaitSettled(project, previous, timeout, 0);
    }

    /**
     * Like {@link #awaitSettled(long, String, Duration)}, and the active version trained on at least {@code annotations}
     * labelled tasks (the catch-up run after a pause trains on the last few).
     */
    Settled awaitSettled(long project, String previous, Duration timeout, int annotations) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastActive = null;
        long since = 0;
        long firstChange = 0;
        boolean first = true;
        int quietPolls = 0;
        while (System.nanoTime() < deadline) {
            long now = System.nanoTime();
            JsonNode models = get("/api/v1/projects/" + project + "/models");
            String active = models.path("active").isTextual() ? models.path("active").asText() : null;
            if (active != null && !active.equals(lastActive)) {
                if (!first && firstChange == 0) {
                    firstChange = now;
                }
                lastActive = active;
                since = now;
            }
            if (first && active == null) {
                lastActive = "";
            }
            first = false;
            boolean busy = false;
            String newestReady = null;
            for (JsonNode model : models.path("models")) {
                String status = model.path("status").asText();
                if (status.equals("failed")) {
                    throw new IllegalStateException("run " + model.path("version").asText() + " failed: " + model);
                }
                busy |= status.equals("queued") || status.equals("training");
                if (newestReady == null && status.equals("ready")) {
                    newestReady = model.path("version").asText();
                }
            }
            boolean quiet = !busy && active != null && active.equals(newestReady) && !active.equals(previous)
                    && (annotations == 0 || manifest(project, active).datasetSize() >= annotations);
            quietPolls = quiet ? quietPolls + 1 : 0;
            if (quietPolls >= 10) {
                return new Settled(active, since, firstChange == 0 ? since : firstChange);
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("training did not settle within " + timeout);
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(uri() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(path + " answered " + response.statusCode());
        }
        return MAPPER.readTree(response.body());
    }

    @Override
    public void close() {
        backend.close();
    }
}
