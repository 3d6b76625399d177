package dev.flywheel.backend.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.backend.it.BoxScenes.TrueBox;
import dev.flywheel.fixtures.Annotations;
import dev.flywheel.fixtures.Tasks;
import dev.flywheel.fixtures.simulator.LabelStudioSimulator;
import dev.flywheel.model.labelstudio.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The insights of a detection project, driven as Label Studio drives it: 60 boxed scenes annotated through webhooks in
 * two halves, three of them deliberately wrong (a box left out, a box drawn on empty background, a box with the other
 * label). Class counts count boxes; the detector audit ranks the three wrong boxes near the top of the label issues;
 * versions compare and line up on the learning curve by mAP.
 */
class DetectionInsightsTest {

    private static final String PROJECT_UID = "9.1732870000";
    private static final long PROJECT = 9;
    private static final ObjectMapper MAPPER = BackendHttp.MAPPER;
    /** The three wrong boxes are among this many most likely issues. */
    private static final int NEAR_THE_TOP = 6;

    @RegisterExtension
    final LiveBackend live = LiveBackend.plain().settings(BoxScenes.SETTINGS);

    @Test
    void classCountsLabelIssuesComparisonAndLearningCurveSpeakInBoxes() throws Exception {
        FakeLabelStudio labelStudio = live.labelStudio();
        Random random = new Random(21);
        List<Task> tasks = new ArrayList<>();
        List<List<TrueBox>> annotated = new ArrayList<>();
        Map<Long, TrueBox> removed = new LinkedHashMap<>();
        Map<Long, TrueBox> added = new LinkedHashMap<>();
        Map<Long, TrueBox> swapped = new LinkedHashMap<>();
        for (int i = 0; i < 60; i++) {
            BoxScenes.Scene scene = BoxScenes.scene(random);
            Task task = Tasks.imageTask(3000 + i, labelStudio.upload(PROJECT, "scene-" + i + ".png", scene.png()));
            tasks.add(task);
            List<TrueBox> boxes = new ArrayList<>(scene.boxes());
            // Corrupt one task of each kind, spread over both halves so each lands in some version's data.
            if (removed.isEmpty() && i >= 5 && boxes.size() == 2) {
                removed.put(task.id(), boxes.remove(1));
            } else if (added.isEmpty() && i >= 20 && boxes.size() == 1) {
                emptyCorner(boxes.getFirst()).ifPresent(box -> {
                    boxes.add(box);
                    added.put(task.id(), box);
                });
            } else if (swapped.isEmpty() && i >= 35) {
                TrueBox right = boxes.getFirst();
                TrueBox wrong = right.relabeled(right.label().equals("circle") ? "square" : "circle");
                boxes.set(0, wrong);
                swapped.put(task.id(), wrong);
            }
            annotated.add(boxes);
        }
        assertThat(removed).hasSize(1);
        assertThat(added).hasSize(1);
        assertThat(swapped).hasSize(1);

        LabelStudioSimulator ls = live.ls();
        ls.connect(PROJECT_UID, BoxScenes.CONFIG, labelStudio.url(), FakeLabelStudio.TOKEN);
        InsightsPoller api = live.insights();
        String half = null;
        for (int i = 0; i < 60; i++) {
            ls.annotate(tasks.get(i), Annotations.of(7000 + i, tasks.get(i).id(), BoxScenes.regions(annotated.get(i))));
            if (i == 29) {
                half = api.awaitNewVersion(PROJECT, null);
            }
        }
        String active = api.awaitNewVersion(PROJECT, half);
        Path audit = live.home().resolve("audits").resolve(Long.toString(PROJECT)).resolve(active + ".json");
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        while (!Files.exists(audit) && System.nanoTime() < deadline) {
            Thread.sleep(300);
        }
        assertThat(audit).as("detector audit of the active version").exists();
        assertThat(MAPPER.readTree(audit.toFile()).path("boxes").size()).as("tasks with out-of-fold boxes").isEqualTo(60);

        // Class counts count boxes: a scene with two squares counts two.
        Map<String, Integer> boxesPerLabel = new TreeMap<>();
        annotated.forEach(list -> list.forEach(b -> boxesPerLabel.merge(b.label(), 1, Integer::sum)));
        Map<String, Integer> counted = new TreeMap<>();
        live.get("/api/v1/projects/9/stats").path("classes").forEach(c -> counted.put(c.path("label").asText(), c.path("count").asInt()));
        assertThat(counted).isEqualTo(boxesPerLabel);
        assertThat(counted.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThan(60);

        // The worker recomputes the issues right after writing the audit: poll briefly for that refresh.
        List<JsonNode> top = new ArrayList<>();
        for (int attempt = 0; attempt < 20 && found(top, removed, added, swapped) < 3; attempt++) {
            Thread.sleep(attempt == 0 ? 0 : 250);
            top.clear();
            live.get("/api/v1/projects/9/label-issues?limit=" + NEAR_THE_TOP).path("issues").forEach(top::add);
        }
        JsonNode all = live.get("/api/v1/projects/9/label-issues?limit=1000");
        System.out.printf("label issues (%d in all): %s%n", all.path("issues").size(), all.path("issues"));
        System.out.printf("corrupted: removed %s, added %s, swapped %s%n", removed, added, swapped);
        assertThat(all.path("model_version").asText()).isEqualTo(active);
        assertThat(issue(top, "missing", removed)).as("the left-out box, reported missing").isNotNull();
        assertThat(issue(top, "missing", removed).path("suggested_label").asText()).isEqualTo(removed.values().iterator().next().label());
        assertThat(issue(top, "spurious", added)).as("the box on empty background, reported spurious").isNotNull();
        JsonNode swap = issue(top, "swapped", swapped);
        assertThat(swap).as("the box with the other label, reported swapped").isNotNull();
        assertThat(swap.path("given_label").asText()).isEqualTo(swapped.values().iterator().next().label());
        assertThat(swap.path("suggested_label").asText()).isNotEqualTo(swap.path("given_label").asText());
        List<Double> scores = new ArrayList<>();
        all.path("issues").forEach(i -> scores.add(i.path("score").asDouble()));
        assertThat(scores).isSortedAccordingTo((a, b) -> Double.compare(b, a));

        // Versions line up on the learning curve and compare by mAP on their shared hold-out.
        JsonNode models = live.get("/api/v1/projects/9/models").path("models");
        List<String> ready = new ArrayList<>();
        Map<String, Double> map50 = new LinkedHashMap<>();
        models.forEach(m -> {
            if (m.path("status").asText().equals("ready")) {
                ready.add(0, m.path("version").asText());
                map50.put(m.path("version").asText(), m.path("metrics").path("map50").asDouble());
            }
        });
        assertThat(ready).as("versions after 30 and 60 annotations").hasSizeGreaterThanOrEqualTo(2);
        JsonNode curve = live.get("/api/v1/projects/9/learning-curve");
        assertThat(curve.path("points")).hasSize(ready.size());
        curve.path("points").forEach(p -> {
            assertThat(p.has("accuracy")).isFalse();
            assertThat(p.path("map50").asDouble()).isEqualTo(map50.get(p.path("version").asText()));
        });
        JsonNode compared = live.get("/api/v1/projects/9/compare?base=" + ready.getFirst() + "&candidate=" + active);
        System.out.printf("compare %s -> %s: %s%n", ready.getFirst(), active, compared);
        List<String> names = new ArrayList<>();
        compared.path("metrics").forEach(m -> {
            names.add(m.path("name").asText());
            assertThat(m.path("base").asDouble()).isBetween(0.0, 1.0);
            assertThat(m.path("candidate").asDouble()).isBetween(0.0, 1.0);
            assertThat(m.path("delta").asDouble()).isCloseTo(m.path("candidate").asDouble() - m.path("base").asDouble(),
                    org.assertj.core.data.Offset.offset(1e-9));
        });
        assertThat(names).containsExactly("map50", "map50_95", "precision", "recall");
        assertThat(compared.path("metrics").get(0).path("candidate").asDouble()).as("candidate mAP@0.5 on the shared hold-out").isGreaterThan(0.3);
        assertThat(compared.path("per_class_ap")).isNotEmpty();
        compared.path("per_class_ap").forEach(c -> assertThat(BoxScenes.LABELS).contains(c.path("label").asText()));
        assertThat(compared.has("confusion_base")).isFalse();
        assertThat(compared.path("data_diff").path("added").asInt()).isPositive();
    }

    /** A 14 px square box in a corner of the image at least 4 px away from {@code shape}, if a corner is free. */
    private static java.util.Optional<TrueBox> emptyCorner(TrueBox shape) {
        double pct = 100.0 / BoxScenes.SIZE;
        double side = 14 * pct;
        double margin = 4 * pct;
        for (double[] corner : new double[][] {{2, 2}, {48, 2}, {2, 48}, {48, 48}}) {
            TrueBox candidate = new TrueBox(shape.label(), corner[0] * pct, corner[1] * pct, side, side);
            boolean apart = candidate.x() + side + margin < shape.x() || shape.x() + shape.width() + margin < candidate.x()
                    || candidate.y() + side + margin < shape.y() || shape.y() + shape.height() + margin < candidate.y();
            if (apart) {
                return java.util.Optional.of(candidate);
            }
        }
        return java.util.Optional.empty();
    }

    /** The issue of {@code kind} about the one task in {@code corrupted}, with a box overlapping the corrupted one; or null. */
    private static JsonNode issue(List<JsonNode> issues, String kind, Map<Long, TrueBox> corrupted) {
        long task = corrupted.keySet().iterator().next();
        TrueBox box = corrupted.get(task);
        return issues.stream()
                .filter(i -> i.path("task_id").asLong() == task && i.path("kind").asText().equals(kind))
                .filter(i -> box.iou(i.path("box").path("x").asDouble(), i.path("box").path("y").asDouble(), i.path("box").path("width").asDouble(),
                        i.path("box").path("height").asDouble()) > 0.5)
                .findFirst().orElse(null);
    }

    @SafeVarargs
    private static int found(List<JsonNode> issues, Map<Long, TrueBox>... corrupted) {
        String[] kinds = {"missing", "spurious", "swapped"};
        int n = 0;
        for (int k = 0; k < corrupted.length; k++) {
            n += issue(issues, kinds[k], corrupted[k]) == null ? 0 : 1;
        }
        return n;
    }
}
