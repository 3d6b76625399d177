package dev.flywheel.backend.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.backend.it.BoxScenes.TrueBox;
import dev.flywheel.fixtures.Annotations;
import dev.flywheel.fixtures.Tasks;
import dev.flywheel.fixtures.simulator.LabelStudioSimulator;
import dev.flywheel.fixtures.simulator.Reply;
import dev.flywheel.model.labelstudio.PredictResponse;
import dev.flywheel.model.labelstudio.Prediction;
import dev.flywheel.model.labelstudio.RectangleLabelsRegion;
import dev.flywheel.model.labelstudio.Region;
import dev.flywheel.model.labelstudio.Task;
import dev.flywheel.model.labelstudio.WebhookResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The data flywheel of a detection project as Label Studio drives it: connect an Image + RectangleLabels config,
 * predict (nothing yet), annotate scenes with boxes through webhooks, a first built-in detector version appears by
 * itself, and later predictions carry it and box the shapes of unseen scenes.
 */
class DetectionFlywheelTest {

    private static final String PROJECT_UID = "9.1732870000";
    private static final long PROJECT = 9;
    private static final int SIZE = BoxScenes.SIZE;
    private static final List<String> LABELS = BoxScenes.LABELS;
    private static final String CONFIG = BoxScenes.CONFIG;
    private static final ObjectMapper MAPPER = BackendHttp.MAPPER;

    @RegisterExtension
    final LiveBackend live = LiveBackend.plain().settings(BoxScenes.SETTINGS);

    @Test
    void annotatedBoxesTrainADetectorThatPrelabelsUnseenScenesWithOverlappingBoxes() throws Exception {
        FakeLabelStudio labelStudio = live.labelStudio();
        Random random = new Random(5);
        List<Task> tasks = new ArrayList<>();
        List<List<TrueBox>> truth = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            BoxScenes.Scene scene = BoxScenes.scene(random);
            tasks.add(Tasks.imageTask(2000 + i, labelStudio.upload(PROJECT, "scene-" + i + ".png", scene.png())));
            truth.add(scene.boxes());
        }
        LabelStudioSimulator ls = live.ls();
        assertThat(ls.connect(PROJECT_UID, CONFIG, labelStudio.url(), FakeLabelStudio.TOKEN)).isEqualTo("untrained");
        Reply<PredictResponse> before = ls.predict(tasks.subList(60, 63));
        assertThat(before.body().modelVersion()).isEqualTo("untrained");
        assertThat(before.body().predictions()).allSatisfy(p -> assertThat(p.result()).isEmpty());

        for (int i = 0; i < 60; i++) {
            Reply<WebhookResponse> ack = ls.annotate(tasks.get(i), Annotations.of(6000 + i, tasks.get(i).id(), BoxScenes.regions(truth.get(i))));
            assertThat(ack.status()).isEqualTo(201);
        }
        String version = live.insights().awaitNewVersion(PROJECT, null);
        assertThat(ls.setup().body().modelVersion()).isEqualTo(version);
        JsonNode model = live.get("/api/v1/projects/9/models/" + version);
        System.out.printf("detector %s: metrics %s, trained on %d of %d, %.1f s%n", version, model.path("metrics"),
                model.path("trained_on").asInt(), model.path("dataset_size").asInt(), model.path("training_seconds").asDouble());
        assertThat(model.path("dataset_size").asInt()).isEqualTo(60);
        assertThat(model.path("labels")).hasSize(2);
        assertThat(model.path("metrics").hasNonNull("accuracy")).as("a detector has no accuracy").isFalse();
        assertThat(model.path("metrics").path("map50").asDouble()).isBetween(0.3, 1.0);

        Reply<PredictResponse> predicted = ls.predict(tasks.subList(60, 80));
        assertThat(predicted.status()).isEqualTo(200);
        assertThat(predicted.body().modelVersion()).isEqualTo(version);
        assertThat(predicted.body().predictions()).hasSize(20);
        int predictedBoxes = 0;
        int predictedHits = 0;
        int trueBoxes = 0;
        int found = 0;
        for (int i = 0; i < 20; i++) {
            Prediction p = predicted.body().predictions().get(i);
            assertThat(p.modelVersion()).isEqualTo(version);
            assertThat(p.score()).isBetween(0.0, 1.0);
            List<RectangleLabelsRegion> boxes = new ArrayList<>();
            for (Region r : p.result()) {
                RectangleLabelsRegion box = (RectangleLabelsRegion) r;
                assertThat(box.fromName()).isEqualTo("label");
                assertThat(box.header().toName()).isEqualTo("image");
                assertThat(box.header().originalWidth()).isEqualTo(SIZE);
                assertThat(box.header().originalHeight()).isEqualTo(SIZE);
                assertThat(box.header().score()).isBetween(0.0, 1.0);
                assertThat(LABELS).containsAll(box.value().labels());
                for (double v : new double[] {box.value().x(), box.value().y(), box.value().width(), box.value().height()}) {
                    assertThat(v).isBetween(0.0, 100.0);
                }
                assertThat(box.value().x() + box.value().width()).isLessThanOrEqualTo(100.0 + 1e-9);
                assertThat(box.value().y() + box.value().height()).isLessThanOrEqualTo(100.0 + 1e-9);
                boxes.add(box);
            }
            JsonNode wire = MAPPER.valueToTree(p);
            wire.path("result").forEach(region -> assertThat(region.path("type").asText()).isEqualTo("rectanglelabels"));
            List<TrueBox> expected = truth.get(60 + i);
            for (RectangleLabelsRegion box : boxes) {
                predictedBoxes++;
                predictedHits += expected.stream().anyMatch(t -> t.matches(box)) ? 1 : 0;
            }
            for (TrueBox t : expected) {
                trueBoxes++;
                found += boxes.stream().anyMatch(t::matches) ? 1 : 0;
            }
        }
        System.out.printf("unseen scenes: %d of %d predicted boxes hit a true box (IoU > 0.5, same label); %d of %d true boxes found%n",
                predictedHits, predictedBoxes, found, trueBoxes);
        assertThat(predictedBoxes).isPositive();
        assertThat(predictedHits).as("predicted boxes overlapping a true box").isGreaterThan(predictedBoxes * 6 / 10);
        assertThat(found).as("true boxes found").isGreaterThan(trueBoxes * 6 / 10);
        assertThat(labelStudio.unauthorizedRequests()).isZero();
    }
}
