package dev.flywheel.backend.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/** Reads a running backend's insights API and waits for model runs to reach a state. */
final class InsightsPoller {

    private final URI backend;
    private final String[] headers;

    /** {@code headers} (name, value pairs) go with every request: an {@code Authorization} where basic auth is on. */
    InsightsPoller(URI backend, String... headers) {
        this.backend = backend;
        this.headers = headers.clone();
    }

    JsonNode get(String path) throws Exception {
        return BackendHttp.ok(path, BackendHttp.send(backend, "GET", path, null, headers));
    }

    /** The project's runs, newest first, as the models list shows them. */
    JsonNode models(long project) throws Exception {
        return get("/api/v1/projects/" + project + "/models");
    }

    /** The first run (newest first) matching {@code wanted}, waiting up to {@code timeout} for one to appear. */
    JsonNode awaitRun(long project, Predicate<JsonNode> wanted, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<JsonNode> found = find(models(project).path("models"), wanted);
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no run of project " + project + " reached the wanted state within " + timeout
                + "; runs: " + models(project));
    }

    /**
     * Waits until training has caught up: nothing queued or training, and the newest ready version active, seen twice
     * in a row (a follow-up run is queued just after a run finishes). Answers that version. A catch-up run after a pause
     * may still follow (tests that count versions turn it off with FLYWHEEL_TRAINING_CATCH_UP_SECONDS=0).
     */
    String awaitQuiet(long project, Duration timeout) throws Exception {
        return awaitSettled(project, timeout, null, false);
    }

    /**
     * Like {@link #awaitQuiet}, for a version other than {@code previous} (null for any), failing as soon as a run
     * fails. How many runs that takes is the policy's business, not the test's.
     */
    String awaitNewVersion(long project, String previous) throws Exception {
        return awaitSettled(project, Duration.ofSeconds(180), previous, true);
    }

    private String awaitSettled(long project, Duration timeout, String previous, boolean failedRunFails) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String seen = null;
        while (System.nanoTime() < deadline) {
            JsonNode models = models(project);
            String active = models.path("active").isTextual() ? models.path("active").asText() : null;
            boolean busy = false;
            String newestReady = null;
            for (JsonNode run : models.path("models")) {
                String status = run.path("status").asText();
                if (failedRunFails) {
                    assertThat(status).as("run %s: %s", run.path("version").asText(), run.path("message").asText()).isNotEqualTo("failed");
                }
                busy |= status.equals("queued") || status.equals("training");
                if (newestReady == null && status.equals("ready")) {
                    newestReady = run.path("version").asText();
                }
            }
            boolean quiet = !busy && active != null && active.equals(newestReady) && !active.equals(previous);
            if (quiet && active.equals(seen)) {
                return active;
            }
            seen = quiet ? active : null;
            Thread.sleep(300);
        }
        throw new AssertionError("training of project " + project + " did not settle within " + timeout + ": " + models(project));
    }

    /** The number of annotations the projects list reports for the project. */
    int annotations(long project) throws Exception {
        for (JsonNode p : get("/api/v1/projects").path("projects")) {
            if (p.path("id").asLong() == project) {
                return p.path("annotations").asInt();
            }
        }
        return 0;
    }

    static Predicate<JsonNode> status(String status) {
        return run -> run.path("status").asText().equals(status);
    }

    private static Optional<JsonNode> find(JsonNode runs, Predicate<JsonNode> wanted) {
        for (JsonNode run : runs) {
            if (wanted.test(run)) {
                return Optional.of(run);
            }
        }
        return Optional.empty();
    }
}
