package dev.flywheel.backend.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.fixtures.Annotations;
import dev.flywheel.fixtures.Tasks;
import dev.flywheel.fixtures.simulator.LabelStudioSimulator;
import dev.flywheel.model.labelstudio.Task;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The insights API after a real flywheel: 80 shape images, four of them deliberately mislabeled, two versions, and
 * pre-labels people then accepted or replaced.
 */
class InsightsApiTest {

    private static final long PROJECT = 9;
    private static final Set<Integer> FLIPPED = Set.of(3, 11, 22, 37);
    private static final ObjectMapper MAPPER = BackendHttp.MAPPER;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static final LiveBackend backend = LiveBackend.plain();
    private static final List<Task> TASKS = new ArrayList<>();
    private static LabelStudioSimulator ls;

    @BeforeAll
    static void runTheFlywheel() throws Exception {
        Random random = new Random(5);
        ls = backend.ls();
        backend.connectShapes(PROJECT + ".1732870000");
        for (int i = 0; i < 80; i++) {
            TASKS.add(Tasks.imageTask(2000 + i, backend.labelStudio().upload(PROJECT, "s" + i + ".png", ShapeScenes.png(i % 3, random))));
        }
        for (int i = 0; i < 60; i++) {
            int label = FLIPPED.contains(i) ? (i + 1) % 3 : i % 3;
            ls.annotate(TASKS.get(i), Annotations.choice(9000 + i, TASKS.get(i).id(), ShapeScenes.LABELS.get(label)));
        }
        awaitIdle();
        ls.predict(TASKS.subList(60, 80));
        for (int i = 60; i < 72; i++) {
            ls.annotate(TASKS.get(i), Annotations.choice(9000 + i, TASKS.get(i).id(), ShapeScenes.LABELS.get(i % 3)));
        }
        ls.startTraining();
        awaitIdle();
        awaitAudit();
    }

    /** The K-fold audit runs on the training worker once training is idle; label issues build on it. */
    private static void awaitAudit() throws Exception {
        String active = get("/api/v1/projects/9/models").path("active").asText();
        Path audit = backend.home().resolve("audits").resolve("9").resolve(active + ".json");
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (!java.nio.file.Files.exists(audit) && System.nanoTime() < deadline) {
            Thread.sleep(300);
        }
        assertThat(audit).as("audit of the active version").exists();
    }

    @Test
    void theAuditGivesEveryLabeledTaskOutOfFoldProbabilities() throws Exception {
        String active = get("/api/v1/projects/9/models").path("active").asText();
        JsonNode audit = MAPPER.readTree(backend.home().resolve("audits").resolve("9").resolve(active + ".json").toFile());

        assertThat(audit.path("folds").asInt()).isEqualTo(5);
        assertThat(audit.path("probabilities").size()).isGreaterThanOrEqualTo(68);
        audit.path("probabilities").forEach(p -> {
            double sum = 0;
            for (JsonNode v : p) {
                sum += v.asDouble();
            }
            assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        });
    }

    @Test
    void statsCountTasksAnnotationsClassesAndAnnotators() throws Exception {
        JsonNode stats = get("/api/v1/projects/9/stats");

        assertThat(stats.path("tasks").asInt()).isEqualTo(72);
        assertThat(stats.path("annotations").asInt()).isEqualTo(72);
        assertThat(stats.path("classes")).hasSize(3);
        double shares = 0;
        for (JsonNode c : stats.path("classes")) {
            shares += c.path("share").asDouble();
        }
        assertThat(shares).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(stats.path("imbalance_ratio").asDouble()).isBetween(1.0, 1.2);
        assertThat(stats.path("annotators").get(0).path("median_lead_time_s").asDouble()).isEqualTo(12.5);
    }

    @Test
    void labelIssuesRankTheDeliberatelyFlippedLabelsFirst() throws Exception {
        List<Long> flipped = FLIPPED.stream().map(i -> 2000L + i).toList();
        // The worker recomputes issues right after writing the audit: poll briefly for that refresh.
        JsonNode page = null;
        List<Long> suspects = new ArrayList<>();
        for (int attempt = 0; attempt < 20 && suspects.stream().filter(flipped::contains).count() < 3; attempt++) {
            Thread.sleep(attempt == 0 ? 0 : 250);
            page = get("/api/v1/projects/9/label-issues?limit=10");
            suspects.clear();
            page.path("issues").forEach(issue -> suspects.add(issue.path("task_id").asLong()));
        }
        assertThat(suspects.stream().filter(flipped::contains).count()).as("flipped tasks among the top suspects").isGreaterThanOrEqualTo(3);
        JsonNode first = page.path("issues").get(0);
        assertThat(first.path("given_label").asText()).isNotEqualTo(first.path("suggested_label").asText());
        // who gave the label: the fixtures' annotator, sent by id only, so without a name
        assertThat(first.path("annotator_id").asLong()).isEqualTo(dev.flywheel.fixtures.Annotations.ANNOTATOR);
        assertThat(first.has("annotator")).as(first.toString()).isFalse();
        // The page says what the list rests on: the audit's times, how many tasks it judged, the share it believes wrong.
        JsonNode all = get("/api/v1/projects/9/label-issues?limit=1000");
        assertThat(all.path("audit").path("status").asText()).isEqualTo("done");
        assertThat(java.time.Instant.parse(all.path("audit").path("finished_at").asText()))
                .isAfterOrEqualTo(java.time.Instant.parse(all.path("audit").path("started_at").asText()));
        assertThat(all.path("coverage").path("labeled").asLong()).isEqualTo(72);
        assertThat(all.path("coverage").path("out_of_sample").asLong()).isBetween(68L, 72L);
        assertThat(all.path("estimated_noise_rate").asDouble())
                .isCloseTo((double) all.path("issues").size() / all.path("coverage").path("out_of_sample").asLong(),
                        org.assertj.core.data.Offset.offset(1e-9));
        assertThat(first.path("self_confidence").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void tasksCanBeFilteredByLabelAndOrderedByUncertainty() throws Exception {
        JsonNode circles = get("/api/v1/projects/9/tasks?label=circle&limit=1000");
        JsonNode uncertain = get("/api/v1/projects/9/tasks?order=uncertainty&limit=5");
        JsonNode paged = get("/api/v1/projects/9/tasks?limit=50");

        assertThat(circles.path("tasks")).allSatisfy(t -> assertThat(t.path("labels").toString()).contains("circle"));
        assertThat(uncertain.path("tasks")).hasSize(5);
        assertThat(uncertain.path("tasks").get(0).path("prediction").path("score").asDouble()).isLessThan(1.0);
        assertThat(paged.path("next_cursor").asText()).isEqualTo("50");
        assertThat(get("/api/v1/projects/9/tasks?cursor=50&limit=50").path("tasks")).hasSize(22);
    }

    @Test
    void twoVersionsCompareOnTheirSharedHoldOutAndTheCurveHasAPointEach() throws Exception {
        JsonNode models = get("/api/v1/projects/9/models");
        List<String> ready = new ArrayList<>();
        models.path("models").forEach(m -> {
            if (m.path("status").asText().equals("ready")) {
                ready.add(m.path("version").asText());
            }
        });
        assertThat(ready.size()).isGreaterThanOrEqualTo(2);

        JsonNode comparison = get("/api/v1/projects/9/compare?base=" + ready.getLast() + "&candidate=" + ready.getFirst());
        assertThat(comparison.path("metrics").get(0).path("name").asText()).isEqualTo("accuracy");
        assertThat(comparison.path("per_class")).hasSize(3);
        assertThat(comparison.path("data_diff").path("added").asInt()).isPositive();
        JsonNode evaluation = comparison.path("evaluation");
        long scored = 0;
        for (JsonNode row : comparison.path("confusion_base").path("matrix")) {
            for (JsonNode cell : row) {
                scored += cell.asLong();
            }
        }
        assertThat(evaluation.path("kind").asText()).isEqualTo("shared_holdout");
        assertThat(evaluation.path("tasks").asLong()).as("both sides scored on the same tasks").isEqualTo(scored).isPositive()
                .isLessThanOrEqualTo(Math.min(evaluation.path("base_holdout").asLong(), evaluation.path("candidate_holdout").asLong()));
        List<String> listed = new ArrayList<>();
        get("/versions").path("versions").forEach(v -> listed.add(v.asText()));
        assertThat(listed).as("Label Studio's /versions").containsAll(ready);
        JsonNode curve = get("/api/v1/projects/9/learning-curve");
        assertThat(curve.path("points").size()).isEqualTo(ready.size());
    }

    @Test
    void theFlywheelCountsPrelabelsThatPeopleKept() throws Exception {
        JsonNode flywheel = get("/api/v1/projects/9/flywheel");

        JsonNode version = flywheel.path("versions").get(0);
        assertThat(version.path("prelabeled").asInt()).isEqualTo(12);
        assertThat(version.path("accepted").asInt() + version.path("replaced").asInt()).isEqualTo(12);
        assertThat(version.path("acceptance_rate").asDouble()).isGreaterThan(0.5);
        assertThat(flywheel.path("without_prelabel").path("tasks").asInt()).isEqualTo(60);
    }

    @Test
    void aTaskImageIsServedForPreviewsAndUnknownThingsAre404() throws Exception {
        HttpResponse<byte[]> image = HTTP.send(HttpRequest.newBuilder(URI.create(backend.uri() + "/api/v1/projects/9/tasks/2000/image")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(image.body()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');

        for (String path : List.of("/api/v1/projects/404/stats", "/api/v1/projects/9/models/v99-none", "/api/v1/projects/9/tasks/1/image")) {
            HttpResponse<String> missing = backend.send("GET", path, null);
            assertThat(missing.statusCode()).as(path).isEqualTo(404);
            assertThat(MAPPER.readTree(missing.body()).path("error").asText()).isEqualTo("not_found");
        }
        HttpResponse<String> bad = backend.send("GET", "/api/v1/projects/9/tasks?limit=5000", null);
        assertThat(bad.statusCode()).isEqualTo(400);
    }

    @Test
    void aBrokenOrMissingImageFailsOnlyItsOwnTaskInABatch() throws Exception {
        String broken = backend.labelStudio().upload(PROJECT, "broken.png", dev.flywheel.fixtures.images.TestImages.notAnImage());
        String truncated = backend.labelStudio().upload(PROJECT, "truncated.png",
                dev.flywheel.fixtures.images.TestImages.truncated(ShapeScenes.png(0, new Random(1))));
        List<Task> batch = List.of(TASKS.get(72), Tasks.imageTask(3001, broken), Tasks.imageTask(3002, "/data/upload/9/missing.png"),
                Tasks.imageTask(3003, truncated), Tasks.imageTask(3004, "http://169.254.169.254/latest/meta-data/"), TASKS.get(73));

        var reply = ls.predict(batch);

        assertThat(reply.status()).isEqualTo(200);
        var predictions = reply.body().predictions();
        assertThat(predictions).hasSize(6).allSatisfy(p -> assertThat(p.modelVersion()).isEqualTo(reply.body().modelVersion()));
        assertThat(predictions.get(0).result()).hasSize(1);
        assertThat(predictions.get(5).result()).hasSize(1);
        for (int i = 1; i <= 4; i++) {
            assertThat(predictions.get(i).result()).as("task %d", i).isEmpty();
        }
        assertThat(get("/health").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void trainNowWithoutANewAnnotationIsRefusedAndMakesNoVersion() throws Exception {
        int before = get("/api/v1/projects/9/models").path("models").size();

        HttpResponse<String> train = post("/api/v1/projects/9/train");

        JsonNode body = MAPPER.readTree(train.body());
        assertThat(train.statusCode()).as(train.body()).isEqualTo(409);
        assertThat(body.path("error").asText()).isEqualTo("nothing_to_train");
        assertThat(body.path("detail").asText()).contains("no annotation was added or changed since");
        assertThat(get("/api/v1/projects/9/models").path("models").size()).isEqualTo(before);
    }

    @Test
    void activatingAnOlderVersionRollsBackWhatLabelStudioIsServed() throws Exception {
        JsonNode models = get("/api/v1/projects/9/models");
        String active = models.path("active").asText();
        List<String> others = new ArrayList<>();
        for (JsonNode m : models.path("models")) {
            if (m.path("status").asText().equals("ready") && !m.path("version").asText().equals(active)) {
                others.add(m.path("version").asText());
            }
        }
        assertThat(others).isNotEmpty();
        String older = others.getFirst();
        try {
            HttpResponse<String> rollback = post("/api/v1/projects/9/models/" + older + "/activate");
            assertThat(rollback.statusCode()).isEqualTo(200);
            assertThat(MAPPER.readTree(rollback.body()).path("version").asText()).isEqualTo(older);
            assertThat(ls.setup().body().modelVersion()).isEqualTo(older);
            assertThat(ls.predict(TASKS.subList(74, 76)).body().predictions()).allSatisfy(p -> assertThat(p.modelVersion()).isEqualTo(older));
            assertThat(post("/api/v1/projects/9/models/v404-none/activate").statusCode()).isEqualTo(404);
        } finally {
            assertThat(post("/api/v1/projects/9/models/" + active + "/activate").statusCode()).isEqualTo(200);
        }
    }

    private static HttpResponse<String> post(String path) throws Exception {
        return backend.post(path, "{}");
    }

    private static void awaitIdle() throws Exception {
        backend.insights().awaitQuiet(PROJECT, Duration.ofSeconds(180));
    }

    private static JsonNode get(String path) throws Exception {
        return backend.get(path);
    }
}
