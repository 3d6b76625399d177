package dev.flywheel.backend.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.fixtures.Annotations;
import dev.flywheel.fixtures.simulator.LabelStudioSimulator;
import dev.flywheel.model.json.FlywheelJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Random;
import java.util.function.Predicate;

/** Drives a backend's pre-label job routes over HTTP, and sets up a Label Studio project with a trained version. */
final class PrelabelJobs {

    static final long PROJECT = 7;
    static final String PROJECT_UID = "7.1733570000";
    private static final ObjectMapper MAPPER = FlywheelJson.newMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final URI backend;

    PrelabelJobs(URI backend) {
        this.backend = backend;
    }

    /** {@code count} shape tasks from id 1000 in the fake; answers nothing, the tasks are in the fake. */
    static void shapeTasks(FakeLabelStudioApi labelStudio, int count, Random random) {
        labelStudio.project(PROJECT, ShapeScenes.CONFIG);
        for (int i = 0; i < count; i++) {
            labelStudio.imageTask(PROJECT, 1000 + i, ShapeScenes.png(i % 3, random));
        }
    }

    /**
     * Connects the project and labels its first {@code labelled} tasks in Label Studio, sending each annotation by
     * webhook, then waits for training to settle; answers the active version.
     */
    static String trainedVersion(URI backend, FakeLabelStudioApi labelStudio, int labelled) throws Exception {
        LabelStudioSimulator ls = LabelStudioSimulator.of(backend);
        ls.connect(PROJECT_UID, ShapeScenes.CONFIG, labelStudio.url(), FakeLabelStudioApi.TOKEN);
        for (int i = 0; i < labelled; i++) {
            long id = 1000 + i;
            var annotation = Annotations.choice(5000 + i, id, ShapeScenes.LABELS.get(i % 3));
            ls.annotate(labelStudio.label(PROJECT, id, annotation), annotation);
        }
        return new InsightsPoller(backend).awaitQuiet(PROJECT, Duration.ofSeconds(90));
    }

    HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(backend + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Starts a job with {@code body} and answers its id. */
    String start(String body) throws Exception {
        HttpResponse<String> reply = send("POST", "/api/v1/projects/" + PROJECT + "/prelabel-jobs", body);
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(202);
        JsonNode json = MAPPER.readTree(reply.body());
        assertThat(json.path("status").asText()).isEqualTo("queued");
        return json.path("job").asText();
    }

    JsonNode status(String job) throws Exception {
        HttpResponse<String> reply = send("GET", "/api/v1/projects/" + PROJECT + "/prelabel-jobs/" + job, null);
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        return MAPPER.readTree(reply.body());
    }

    JsonNode cancel(String job) throws Exception {
        HttpResponse<String> reply = send("DELETE", "/api/v1/projects/" + PROJECT + "/prelabel-jobs/" + job, null);
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        return MAPPER.readTree(reply.body());
    }

    /** Polls the job until {@code wanted} holds, and answers that status. */
    JsonNode await(String job, Predicate<JsonNode> wanted, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode status = status(job);
        while (!wanted.test(status)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("job " + job + " did not reach the wanted state within " + timeout + ": " + status);
            }
            Thread.sleep(100);
            status = status(job);
        }
        return status;
    }

    static Predicate<JsonNode> finished() {
        return s -> s.path("status").asText().matches("done|failed|cancelled");
    }
}
