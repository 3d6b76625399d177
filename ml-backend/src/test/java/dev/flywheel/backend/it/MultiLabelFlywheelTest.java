package dev.flywheel.backend.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.backend.bench.FashionMnist;
import dev.flywheel.fixtures.Annotations;
import dev.flywheel.fixtures.LabelStudioFixtures;
import dev.flywheel.fixtures.Tasks;
import dev.flywheel.fixtures.simulator.LabelStudioSimulator;
import dev.flywheel.fixtures.simulator.Reply;
import dev.flywheel.model.json.FlywheelJson;
import dev.flywheel.model.labelstudio.PredictResponse;
import dev.flywheel.model.labelstudio.Task;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tagging, the third task kind, through the real server: Fashion-MNIST images tagged with their class and one or two
 * group tags ("top", "footwear", "clothing", "accessory") arrive as Label Studio's webhooks, versions train by
 * themselves, {@code /predict} proposes several tags per image in Label Studio's {@code choices} format, the insights
 * API answers for the project, and tags removed on purpose are found among the label issues.
 */
class MultiLabelFlywheelTest {

    private static final String CONFIG = new LabelStudioFixtures().text("label-config-image-multilabel-fashion.xml");
    private static final long PROJECT = 21;
    private static final String PROJECT_UID = PROJECT + ".1733000000";
    private static final List<String> TAGS = List.of("top", "footwear", "clothing", "accessory");
    private static final int TRAINING = 360;
    private static final int UNSEEN = 120;
    private static final ObjectMapper MAPPER = FlywheelJson.newMapper();

    @TempDir
    Path home;

    @Test
    void taggedImagesTrainAVersionWhosePrelabelsListSeveralTagsAndWhoseAuditFindsRemovedTags() throws Exception {
        FashionMnist train = FashionMnist.read("train", TRAINING);
        FashionMnist test = FashionMnist.read("t10k", UNSEEN);
        try (FakeLabelStudio labelStudio = new FakeLabelStudio(); RunningBackend backend = RunningBackend.start(home, Map.of())) {
            LabelStudioSimulator ls = LabelStudioSimulator.of(backend.uri());
            assertThat(ls.connect(PROJECT_UID, CONFIG, labelStudio.url(), FakeLabelStudio.TOKEN)).isEqualTo("untrained");
            InsightsPoller insights = new InsightsPoller(backend.uri());

            // Every fourth footwear image of the second half loses its "footwear" tag: an annotator's slip.
            Set<Long> corrupted = new HashSet<>();
            String first = annotate(ls, labelStudio, train, 0, TRAINING / 2, corrupted, insights, null);
            String second = annotate(ls, labelStudio, train, TRAINING / 2, TRAINING, corrupted, insights, first);
            assertThat(corrupted).hasSizeGreaterThanOrEqualTo(8);

            List<Task> unseen = new ArrayList<>();
            for (int i = 0; i < UNSEEN; i++) {
                unseen.add(Tasks.imageTask(50_000 + i, labelStudio.upload(PROJECT, "test-" + i + ".png", test.png(i))));
            }
            Reply<PredictResponse> reply = ls.predict(unseen);
            assertThat(reply.status()).isEqualTo(200);
            // Read as sent, not through Flywheel's own records, to see the wire format Label Studio validates.
            JsonNode results = MAPPER.readTree(reply.rawBody()).path("results");
            assertThat(results).hasSize(UNSEEN);
            long tp = 0;
            long fp = 0;
            long fn = 0;
            int several = 0;
            for (int i = 0; i < UNSEEN; i++) {
                JsonNode prediction = results.get(i);
                assertThat(prediction.path("model_version").asText()).isEqualTo(second);
                Set<String> proposed = new HashSet<>();
                for (JsonNode region : prediction.path("result")) {
                    // Label Studio's choices format: the control and image of the config, value.choices a list of its choices.
                    assertThat(region.path("type").asText()).isEqualTo("choices");
                    assertThat(region.path("from_name").asText()).isEqualTo("label");
                    assertThat(region.path("to_name").asText()).isEqualTo("image");
                    assertThat(region.path("value").path("choices").isArray()).isTrue();
                    assertThat(region.path("score").asDouble()).isBetween(0.0, 1.0);
                    region.path("value").path("choices").forEach(c -> proposed.add(c.asText()));
                }
                assertThat(prediction.path("result").size()).isLessThanOrEqualTo(1);
                assertThat(prediction.path("score").asDouble()).isBetween(0.0, 1.0);
                Set<String> truth = new HashSet<>(tags(test.label(i)));
                several += proposed.size() >= 2 ? 1 : 0;
                for (String tag : proposed) {
                    assertThat(tagsOfConfig()).contains(tag);
                    if (truth.contains(tag)) {
                        tp++;
                    } else {
                        fp++;
                    }
                }
                fn += truth.stream().filter(t -> !proposed.contains(t)).count();
            }
            double microF1 = 2.0 * tp / (2.0 * tp + fp + fn);
            System.out.printf("multi-label: micro-F1 %.3f on %d unseen images (%d with two or more tags)%n", microF1, UNSEEN, several);
            // Chance (every tag at its base rate) is about 0.2; the group tags alone, always right, would give 0.6.
            assertThat(microF1).as("micro-F1 of the pre-labels of unseen images").isGreaterThan(0.8);
            assertThat(several).as("pre-labels with two or more tags").isGreaterThan(UNSEEN * 3 / 4);

            JsonNode detail = insights.get("/api/v1/projects/" + PROJECT + "/models/" + second);
            JsonNode metrics = detail.path("metrics");
            System.out.printf("multi-label hold-out: micro-F1 %s, macro-F1 %s, mAP %s, exact match %s%n", metrics.path("micro_f1"),
                    metrics.path("macro_f1"), metrics.path("map"), metrics.path("accuracy"));
            assertThat(metrics.path("micro_f1").asDouble()).isGreaterThan(0.8);
            assertThat(metrics.path("map").asDouble()).isGreaterThan(0.8);
            assertThat(metrics.path("macro_f1").asDouble()).isBetween(0.0, 1.0);
            assertThat(detail.path("per_class")).hasSize(14);
            assertThat(insights.get("/api/v1/projects").path("projects").get(0).path("task_type").asText()).isEqualTo("multi_label_classification");

            JsonNode stats = insights.get("/api/v1/projects/" + PROJECT + "/stats");
            assertThat(stats.path("annotations").asInt()).isEqualTo(TRAINING);
            assertThat(stats.path("classes").findValuesAsText("label")).contains("footwear", "clothing", "Sneaker");

            JsonNode compare = insights.get("/api/v1/projects/" + PROJECT + "/compare?base=" + first + "&candidate=" + second);
            assertThat(compare.path("metrics").findValuesAsText("name")).contains("micro_f1", "macro_f1", "map");
            assertThat(compare.path("per_class")).hasSize(14);
            assertThat(compare.path("data_diff").path("added").asLong()).isPositive();
            JsonNode curve = insights.get("/api/v1/projects/" + PROJECT + "/learning-curve");
            assertThat(curve.path("points").size()).isGreaterThanOrEqualTo(2);

            Set<Long> found = awaitMissingFootwear(insights, corrupted, Duration.ofSeconds(120));
            System.out.printf("multi-label: %d of %d removed footwear tags found among the label issues%n", found.size(), corrupted.size());
            assertThat(found.size()).as("removed tags found").isGreaterThanOrEqualTo(corrupted.size() / 2);

            // A control's model_score_threshold replaces the calibrated thresholds for every tag.
            String strict = CONFIG.replace("choice=\"multiple\"", "choice=\"multiple\" model_score_threshold=\"0.97\"");
            Reply<String> strictReply = ls.raw("predict", Map.of("tasks", unseen.subList(0, 40), "project", PROJECT_UID, "label_config", strict));
            assertThat(strictReply.status()).isEqualTo(200);
            int strictTags = 0;
            int calibratedTags = 0;
            for (int i = 0; i < 40; i++) {
                calibratedTags += results.get(i).path("result").path(0).path("value").path("choices").size();
                JsonNode region = MAPPER.readTree(strictReply.body()).path("results").get(i).path("result").path(0);
                strictTags += region.path("value").path("choices").size();
                if (!region.isMissingNode()) {
                    assertThat(region.path("score").asDouble()).isGreaterThanOrEqualTo(0.97);
                }
            }
            assertThat(strictTags).isLessThan(calibratedTags);
        }
    }

    /**
     * Annotates training images {@code from} to {@code to} through webhooks and waits for the version they train; images
     * of the second half that are footwear lose that tag every fourth time, recorded in {@code corrupted}.
     */
    private static String annotate(LabelStudioSimulator ls, FakeLabelStudio labelStudio, FashionMnist images, int from, int to,
            Set<Long> corrupted, InsightsPoller insights, String previous) throws Exception {
        int footwear = 0;
        for (int i = from; i < to; i++) {
            long taskId = 10_000 + i;
            Task task = Tasks.imageTask(taskId, labelStudio.upload(PROJECT, "train-" + i + ".png", images.png(i)));
            List<String> tags = new ArrayList<>(tags(images.label(i)));
            if (previous != null && tags.contains("footwear") && footwear++ % 4 == 0) {
                tags.remove("footwear");
                corrupted.add(taskId);
            }
            assertThat(ls.annotate(task, Annotations.choice(20_000 + i, taskId, tags.toArray(String[]::new))).status()).isEqualTo(201);
        }
        // The first run starts at ten annotations and is short; wait for the one that learned from all of them.
        int expected = to;
        insights.awaitRun(PROJECT, r -> r.path("status").asText().equals("ready") && !r.path("version").asText().equals(previous)
                && r.path("trained_on").asInt() >= expected * 3 / 4, Duration.ofSeconds(120));
        return insights.awaitQuiet(PROJECT, Duration.ofSeconds(120));
    }

    private static Set<Long> awaitMissingFootwear(InsightsPoller insights, Set<Long> corrupted, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<Long> found = new HashSet<>();
        while (System.nanoTime() < deadline) {
            found.clear();
            for (JsonNode issue : insights.get("/api/v1/projects/" + PROJECT + "/label-issues?limit=1000").path("issues")) {
                if (corrupted.contains(issue.path("task_id").asLong()) && "missing".equals(issue.path("kind").asText())
                        && "footwear".equals(issue.path("suggested_label").asText())) {
                    found.add(issue.path("task_id").asLong());
                }
            }
            if (found.size() >= corrupted.size() / 2) {
                return found;
            }
            Thread.sleep(1000);
        }
        return found;
    }

    /** The tags of a Fashion-MNIST class: the class itself and its groups. */
    static List<String> tags(int label) {
        String name = FashionMnist.LABELS.get(label);
        return switch (name) {
            case "T-shirt/top", "Pullover", "Coat", "Shirt" -> List.of(name, "top", "clothing");
            case "Trouser", "Dress" -> List.of(name, "clothing");
            case "Sandal", "Sneaker", "Ankle boot" -> List.of(name, "footwear");
            default -> List.of(name, "accessory");
        };
    }

    private static List<String> tagsOfConfig() {
        List<String> all = new ArrayList<>(FashionMnist.LABELS);
        all.addAll(TAGS);
        return all;
    }
}
