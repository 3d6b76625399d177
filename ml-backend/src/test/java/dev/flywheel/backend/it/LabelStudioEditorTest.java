package dev.flywheel.backend.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flywheel.backend.testing.TestModels;
import dev.flywheel.fixtures.Annotations;
import dev.flywheel.fixtures.Tasks;
import dev.flywheel.fixtures.editor.Edit;
import dev.flywheel.fixtures.editor.EditorCase;
import dev.flywheel.fixtures.editor.EditorOutcome;
import dev.flywheel.fixtures.editor.LabelStudioEditor;
import dev.flywheel.fixtures.simulator.LabelStudioSimulator;
import dev.flywheel.model.json.FlywheelJson;
import dev.flywheel.model.labelstudio.Annotation;
import dev.flywheel.model.labelstudio.Task;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Label Studio's own editor as the client of Flywheel's predictions: the real backend trains through webhooks, its
 * {@code /predict} replies are loaded into the editor (the pinned bundle in Debian's Chromium), what the editor shows
 * must be what Flywheel meant, and what an annotator then submits, wrapped in the webhook Label Studio sends, must be
 * stored as it was edited and counted as accepted, edited or replaced.
 */
class LabelStudioEditorTest {

    private static final ObjectMapper MAPPER = FlywheelJson.newMapper();
    /** Two controls on one image: boxes (which Flywheel pre-labels) and a choice (which the annotator adds). */
    private static final String TAGS_CONFIG = """
            <View>
              <Image name="image" value="$image"/>
              <Choices name="label" toName="image" choice="multiple">
                <Choice value="circle"/><Choice value="square"/><Choice value="bar"/><Choice value="round"/><Choice value="straight"/>
              </Choices>
            </View>""";
    private static final String TWO_CONTROLS_CONFIG = TinyDetectorScenes.CONFIG.replace("</View>", """
              <Choices name="scene" toName="image">
                <Choice value="Indoor"/>
                <Choice value="Outdoor"/>
              </Choices>
            </View>""");

    private static LabelStudioEditor editor;

    @RegisterExtension
    final LiveBackend live = LiveBackend.with(TestModels.detectorEnv());
    @TempDir
    Path images;

    @BeforeAll
    static void findTheEditor() {
        LabelStudioEditor.Availability found = LabelStudioEditor.find();
        if (found.editor().isEmpty() && LabelStudioEditor.Availability.required(System.getenv())) {
            throw new IllegalStateException("Label Studio's editor is required here (" + LabelStudioEditor.REQUIRE_VARIABLE + "): " + found.missing());
        }
        Assumptions.assumeTrue(found.editor().isPresent(), found.missing());
        editor = found.editor().get();
    }

    @Test
    void theEditorShowsEveryPrelabelAsFlywheelMeantItAndWhatAnnotatorsSubmitIsStoredAndCounted() throws Exception {
        shapes(trainedClassification());
        Project detection = detection(9, TinyDetectorScenes.CONFIG);
        boxes(detection);
        twoControls(detection(10, TWO_CONTROLS_CONFIG));
        tags(trainedTagging());
    }

    /**
     * Multi-label Choices: a pre-label with several tags; the annotator ticks a tag it lacks and unticks one it has, so
     * the annotation keeps some of its tags and counts as edited.
     */
    private void tags(Project project) throws Exception {
        List<JsonNode> predictions = project.predict(project.tasks.subList(40, 52));
        int shown = 0;
        while (shown < predictions.size() - 1 && predictions.get(shown).path("result").get(0).path("value").path("choices").size() < 2) {
            shown++;
        }
        JsonNode prediction = predictions.get(shown);
        Task task = project.tasks.get(40 + shown);
        List<String> predicted = new ArrayList<>();
        prediction.path("result").get(0).path("value").path("choices").forEach(c -> predicted.add(c.asText()));
        assertThat(predicted).as("a pre-label with several tags").hasSizeGreaterThanOrEqualTo(2);
        String ticked = project.labels.stream().filter(l -> !predicted.contains(l)).findFirst().orElseThrow();
        String unticked = predicted.getLast();
        List<EditorOutcome> outcomes = editor.run(project.config, List.of(project.editorCase("tags", task, prediction, Edit.choose(ticked, unticked))),
                Optional.empty());

        assertRenderedAsSent(outcomes.get(0).rendered(), prediction.path("result"));
        List<String> expected = new ArrayList<>(predicted);
        expected.remove(unticked);
        expected.add(ticked);
        JsonNode submitted = outcomes.get(0).submitted();
        assertThat(submitted).hasSize(1);
        assertThat(submitted.get(0).path("from_name").asText()).isEqualTo(project.control);
        assertThat(texts(submitted.get(0).path("value").path("choices"))).containsExactlyInAnyOrderElementsOf(expected);

        project.submit(outcomes.get(0), task, 9400);
        assertThat(texts(project.storedResult(9400).get(0).path("value").path("choices"))).containsExactlyInAnyOrderElementsOf(expected);
        JsonNode tally = project.tally(prediction.path("model_version").asText());
        assertThat(tally.path("edited").asInt()).as("a tag ticked and one unticked").isEqualTo(1);
        assertThat(tally.path("accepted").asInt() + tally.path("replaced").asInt()).isZero();
    }

    /** Image + multi-label Choices: shapes tagged with their shape and whether it is round, trained on 36 of 52 images. */
    private Project trainedTagging() throws Exception {
        List<String> tags = List.of("circle", "square", "bar", "round", "straight");
        Project project = new Project(11, TAGS_CONFIG, "label", tags);
        Random random = new Random(11);
        for (int i = 0; i < 52; i++) {
            project.addTask(11_000 + i, ShapeScenes.png(i % 3, random));
        }
        project.connect();
        for (int i = 0; i < 36; i++) {
            Task task = project.tasks.get(i);
            String shape = ShapeScenes.LABELS.get(i % 3);
            Annotation tagged = Annotations.choice(11_000 + i, task.id(), shape, i % 3 == 0 ? "round" : "straight");
            assertThat(project.ls.annotate(task, tagged).status()).isEqualTo(201);
        }
        live.insights().awaitRun(11, r -> r.path("status").asText().equals("ready") && r.path("trained_on").asInt() >= 24,
                java.time.Duration.ofSeconds(120));
        live.insights().awaitQuiet(11, java.time.Duration.ofSeconds(120));
        return project;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }

    /** Image + Choices: accept one pre-label, change another's choice. */
    private void shapes(Project project) throws Exception {
        List<JsonNode> predictions = project.predict(project.tasks.subList(50, 52));
        String predicted = predictions.get(1).path("result").get(0).path("value").path("choices").get(0).asText();
        String other = project.labels.stream().filter(l -> !l.equals(predicted)).findFirst().orElseThrow();
        List<EditorOutcome> outcomes = editor.run(project.config, List.of(
                project.editorCase("accept", project.tasks.get(50), predictions.get(0), Edit.keep()),
                project.editorCase("choose", project.tasks.get(51), predictions.get(1), Edit.choose(other, null))), Optional.empty());

        for (int i = 0; i < 2; i++) {
            assertRenderedAsSent(outcomes.get(i).rendered(), predictions.get(i).path("result"));
        }
        assertThat(outcomes.get(0).submitted().get(0).path("value").path("choices")).containsExactly(predictions.get(0).path("result").get(0)
                .path("value").path("choices").get(0));
        assertThat(outcomes.get(1).submitted().get(0).path("value").path("choices").get(0).asText()).isEqualTo(other);
        assertThat(outcomes.get(1).submitted().get(0).path("from_name").asText()).isEqualTo(project.control);

        project.submit(outcomes.get(0), project.tasks.get(50), 9100);
        project.submit(outcomes.get(1), project.tasks.get(51), 9101);
        assertThat(project.storedResult(9101).get(0).path("value").path("choices").get(0).asText()).isEqualTo(other);
        JsonNode tally = project.tally(predictions.get(0).path("model_version").asText());
        assertThat(tally.path("accepted").asInt()).as("the kept pre-label").isEqualTo(1);
        assertThat(tally.path("replaced").asInt()).as("the pre-label whose one choice was changed").isEqualTo(1);
    }

    /** Image + RectangleLabels from the operator's detector: one box moved; one box deleted and a new one drawn. */
    private void boxes(Project project) throws Exception {
        List<JsonNode> predictions = project.predict(project.tasks);
        JsonNode moved = predictions.get(0).path("result").get(0);
        JsonNode person = predictions.get(1).path("result").get(1);
        assertThat(person.path("value").path("rectanglelabels").get(0).asText()).isEqualTo("Person");
        int boxesOfSecond = predictions.get(1).path("result").size();

        List<EditorOutcome> outcomes = editor.run(project.config, List.of(
                project.editorCase("move", project.tasks.get(0), predictions.get(0), Edit.move(box(moved), 10, 8)),
                project.editorCase("replace", project.tasks.get(1), predictions.get(1), Edit.replace(box(person), boxesOfSecond - 1, "Person",
                        new Edit.Box(5, 55, 20, 30)))), Optional.empty());

        for (int i = 0; i < 2; i++) {
            assertRenderedAsSent(outcomes.get(i).rendered(), predictions.get(i).path("result"));
        }
        JsonNode afterMove = byId(outcomes.get(0).submitted(), moved.path("id").asText());
        assertThat(afterMove.path("value").path("x").asDouble()).isCloseTo(moved.path("value").path("x").asDouble() + 10, within(1.5));
        assertThat(afterMove.path("value").path("y").asDouble()).isCloseTo(moved.path("value").path("y").asDouble() + 8, within(1.5));
        assertThat(afterMove.path("value").path("width").asDouble()).isCloseTo(moved.path("value").path("width").asDouble(), within(1e-6));
        JsonNode drawn = outcomes.get(1).submitted().get(outcomes.get(1).submitted().size() - 1);
        assertThat(outcomes.get(1).submitted()).hasSize(boxesOfSecond);
        assertThat(drawn.path("value").path("rectanglelabels").get(0).asText()).isEqualTo("Person");
        assertThat(drawn.path("value").path("x").asDouble()).isCloseTo(5, within(1.5));
        assertThat(drawn.path("value").path("height").asDouble()).isCloseTo(30, within(1.5));

        project.submit(outcomes.get(0), project.tasks.get(0), 9200);
        project.submit(outcomes.get(1), project.tasks.get(1), 9201);
        JsonNode stored = byId(project.storedResult(9200), moved.path("id").asText());
        assertThat(stored.path("value").path("x").asDouble()).isCloseTo(afterMove.path("value").path("x").asDouble(), within(1e-9));
        assertThat(project.storedResult(9201)).hasSize(boxesOfSecond);
        JsonNode tally = project.tally(predictions.get(0).path("model_version").asText());
        assertThat(tally.path("edited").asInt()).as("a moved box, and a box deleted and drawn anew").isEqualTo(2);
        assertThat(tally.path("accepted").asInt()).isZero();
    }

    /**
     * Two controls: Flywheel pre-labels the boxes, the annotator keeps them and adds the scene's choice; the annotation
     * keeps every pre-labelled box and adds one region, so it counts as edited.
     */
    private void twoControls(Project project) throws Exception {
        List<JsonNode> predictions = project.predict(project.tasks.subList(0, 1));
        List<EditorOutcome> outcomes = editor.run(project.config,
                List.of(project.editorCase("choose", project.tasks.get(0), predictions.get(0), Edit.choose("Outdoor", null))), Optional.empty());

        assertRenderedAsSent(outcomes.get(0).rendered(), predictions.get(0).path("result"));
        JsonNode submitted = outcomes.get(0).submitted();
        assertThat(submitted).hasSize(predictions.get(0).path("result").size() + 1);
        JsonNode choice = submitted.findParents("from_name").stream().filter(r -> r.path("from_name").asText().equals("scene")).findFirst().orElseThrow();
        assertThat(choice.path("value").path("choices")).containsExactly(MAPPER.getNodeFactory().textNode("Outdoor"));
        for (JsonNode box : predictions.get(0).path("result")) {
            assertSameRegion(byId(submitted, box.path("id").asText()), box);
        }

        project.submit(outcomes.get(0), project.tasks.get(0), 9300);
        assertThat(project.storedResult(9300)).hasSize(submitted.size());
        assertThat(project.tally(predictions.get(0).path("model_version").asText()).path("edited").asInt()).isEqualTo(1);
    }

    /** Image + Choices, trained through webhooks on 36 of its 52 shape images. */
    private Project trainedClassification() throws Exception {
        Project project = new Project(7, ShapeScenes.CONFIG, "label", ShapeScenes.LABELS);
        Random random = new Random(7);
        for (int i = 0; i < 52; i++) {
            project.addTask(7000 + i, ShapeScenes.png(i % 3, random));
        }
        project.connect();
        for (int i = 0; i < 36; i++) {
            Task task = project.tasks.get(i);
            assertThat(project.ls.annotate(task, Annotations.choice(7000 + i, task.id(), ShapeScenes.LABELS.get(i % 3))).status()).isEqualTo(201);
        }
        live.insights().awaitNewVersion(7, null);
        return project;
    }

    /** A detection project on two scenes, pre-labelled by the operator's detector. */
    private Project detection(long id, String config) throws Exception {
        Project project = new Project(id, config, "label", List.of("Vehicle", "Person"));
        project.addTask(id * 100 + 1, TinyDetectorScenes.scene(20, 30, 40, 20));
        project.addTask(id * 100 + 2, TinyDetectorScenes.scene(64, 10, 48, 60));
        project.connect();
        return project;
    }

    /** The editor holds, for every region Flywheel sent, the same control, kind, labels, geometry and score. */
    private static void assertRenderedAsSent(JsonNode rendered, JsonNode sent) {
        assertThat(rendered).as("regions in the editor").hasSize(sent.size());
        for (JsonNode region : sent) {
            // A region Flywheel sent without an id is the only one of its control; the editor gives it an id.
            JsonNode shown = region.has("id") ? byId(rendered, region.path("id").asText())
                    : rendered.findParents("from_name").stream().filter(r -> r.path("from_name").equals(region.path("from_name"))).findFirst().orElseThrow();
            assertSameRegion(shown, region);
        }
    }

    /** Same control, kind, labels, geometry and score; numbers compared as numbers, as the editor writes them. */
    private static void assertSameRegion(JsonNode shown, JsonNode region) {
        for (String key : List.of("from_name", "to_name", "type")) {
            assertThat(shown.path(key).asText()).as(key).isEqualTo(region.path(key).asText());
        }
        String type = region.path("type").asText();
        assertThat(shown.path("value").path(type)).as("labels").isEqualTo(region.path("value").path(type));
        for (String key : List.of("x", "y", "width", "height", "rotation")) {
            if (region.path("value").has(key)) {
                assertThat(shown.path("value").path(key).asDouble()).as(key).isCloseTo(region.path("value").path(key).asDouble(), within(1e-6));
            }
        }
        if (region.has("score")) {
            assertThat(shown.path("score").asDouble()).as("score").isCloseTo(region.path("score").asDouble(), within(1e-9));
        }
    }

    private static JsonNode byId(JsonNode regions, String id) {
        for (JsonNode region : regions) {
            if (region.path("id").asText().equals(id)) {
                return region;
            }
        }
        throw new AssertionError("no region " + id + " in " + regions);
    }

    private static Edit.Box box(JsonNode region) {
        JsonNode v = region.path("value");
        return new Edit.Box(v.path("x").asDouble(), v.path("y").asDouble(), v.path("width").asDouble(), v.path("height").asDouble());
    }

    /** One Label Studio project: its tasks, their image files, and the calls Label Studio makes for it. */
    private final class Project {
        final long id;
        final String config;
        final String control;
        final List<String> labels;
        final List<Task> tasks = new ArrayList<>();
        final List<Path> files = new ArrayList<>();
        final LabelStudioSimulator ls;

        Project(long id, String config, String control, List<String> labels) {
            this.id = id;
            this.config = config;
            this.control = control;
            this.labels = labels;
            this.ls = LabelStudioSimulator.of(live.uri());
        }

        void addTask(long taskId, byte[] png) throws Exception {
            Path file = images.resolve(taskId + ".png");
            Files.write(file, png);
            files.add(file);
            tasks.add(Tasks.imageTask(taskId, live.labelStudio().upload(id, taskId + ".png", png)));
        }

        void connect() {
            ls.connect(id + ".1732870000", config, live.labelStudio().url(), FakeLabelStudio.TOKEN);
        }

        /** {@code /predict} as Label Studio sends it; each prediction as JSON, as the editor receives it. */
        List<JsonNode> predict(List<Task> some) {
            List<JsonNode> predictions = new ArrayList<>();
            ls.predict(some).body().predictions().forEach(p -> predictions.add(MAPPER.valueToTree(p)));
            assertThat(predictions).hasSize(some.size()).allSatisfy(p -> assertThat(p.path("result")).isNotEmpty());
            return predictions;
        }

        EditorCase editorCase(String name, Task task, JsonNode prediction, Edit edit) {
            Path file = files.get(tasks.indexOf(task));
            return new EditorCase(id + "-" + name, task.id(), Map.of("image", task.data().get("image")), Map.of("image", file), prediction, edit);
        }

        /** Label Studio's {@code ANNOTATION_CREATED} for what the editor submitted, as Label Studio 1.x sends it. */
        void submit(EditorOutcome outcome, Task task, long annotationId) throws Exception {
            ObjectNode annotation = MAPPER.createObjectNode()
                    .put("id", annotationId)
                    .put("task", task.id())
                    .put("project", id)
                    .put("completed_by", 1)
                    .put("was_cancelled", false)
                    .put("ground_truth", false)
                    .put("lead_time", 7.5)
                    .put("created_at", "2026-12-07T10:00:00.000000Z")
                    .put("updated_at", "2026-12-07T10:00:00.000000Z")
                    .put("last_action", "prediction")
                    .put("result_count", outcome.submitted().size());
            annotation.set("result", outcome.submitted());
            annotation.put("parent_prediction", outcome.parentPrediction().orElseThrow());
            annotation.putNull("parent_annotation");
            ObjectNode event = MAPPER.createObjectNode().put("action", "ANNOTATION_CREATED");
            event.set("annotation", annotation);
            event.set("task", MAPPER.createObjectNode().put("id", task.id()).put("project", id).set("data", MAPPER.valueToTree(task.data())));
            event.set("project", MAPPER.valueToTree(ls.project().asWebhookProject()));
            HttpResponse<String> reply = live.post("/webhook", MAPPER.writeValueAsString(event));
            assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
        }

        /** The annotation's result as Flywheel stored it on disk. */
        JsonNode storedResult(long annotationId) throws Exception {
            try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + live.home().resolve("flywheel.db"));
                    PreparedStatement query = db.prepareStatement("SELECT result_json FROM annotation WHERE project_id = ? AND id = ?")) {
                query.setLong(1, id);
                query.setLong(2, annotationId);
                try (ResultSet row = query.executeQuery()) {
                    assertThat(row.next()).as("annotation " + annotationId + " stored").isTrue();
                    return MAPPER.readTree(row.getString(1));
                }
            }
        }

        /** The flywheel statistics of one version: how many of its pre-labels were accepted, edited, replaced. */
        JsonNode tally(String version) throws Exception {
            JsonNode versions = live.insights().get("/api/v1/projects/" + id + "/flywheel").path("versions");
            for (JsonNode v : versions) {
                if (v.path("version").asText().equals(version)) {
                    return v;
                }
            }
            throw new AssertionError("no flywheel statistics for " + version + " in " + versions);
        }
    }
}
