package dev.flywheel.backend.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.backend.testing.TestModels;
import dev.flywheel.fixtures.Tasks;
import dev.flywheel.fixtures.simulator.LabelStudioSimulator;
import dev.flywheel.fixtures.simulator.Reply;
import dev.flywheel.model.json.FlywheelJson;
import dev.flywheel.model.labelstudio.PredictResponse;
import dev.flywheel.model.labelstudio.Prediction;
import dev.flywheel.model.labelstudio.RectangleLabelsRegion;
import dev.flywheel.model.labelstudio.Task;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A detection project pre-labelled by an operator's detector from the first task on, through the real server: the
 * tiny TorchScript model of {@code make_tiny_detector.py} finds the white rectangle as {@code car} (0.9) plus a
 * duplicate (0.6, suppressed), a fixed {@code person} box (0.8), a {@code zebra} the config does not know (dropped)
 * and a {@code person} at 0.1 (below the threshold).
 */
class DetectionPrelabelTest {

    private static final ObjectMapper MAPPER = FlywheelJson.newMapper();

    @RegisterExtension
    final LiveBackend live = LiveBackend.with(TestModels.detectorEnv());

    @Test
    void aDetectionProjectGetsValidRectangleLabelsFromTheOperatorsDetectorAndItsVersion() throws Exception {
        FakeLabelStudio labelStudio = live.labelStudio();
        List<Task> tasks = List.of(
                Tasks.imageTask(1, labelStudio.upload(3, "a.png", TinyDetectorScenes.scene(20, 30, 40, 20))),
                Tasks.imageTask(2, "/data/upload/3/missing.png"),
                Tasks.imageTask(3, labelStudio.upload(3, "b.png", TinyDetectorScenes.scene(64, 10, 48, 60))));
        LabelStudioSimulator ls = live.ls();

        String version = ls.connect("3.1732870000", TinyDetectorScenes.CONFIG, labelStudio.url(), FakeLabelStudio.TOKEN);
        Reply<PredictResponse> reply = ls.predict(tasks);

        assertThat(version).matches("detector-[0-9a-f]{8}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().modelVersion()).isEqualTo(version);
        List<Prediction> predictions = reply.body().predictions();
        assertThat(predictions).hasSize(3).allSatisfy(p -> assertThat(p.modelVersion()).isEqualTo(version));
        assertThat(predictions.get(1).result()).isEmpty();

        Prediction first = predictions.get(0);
        assertThat(first.result()).extracting(r -> r.labels().getFirst()).containsExactly("Vehicle", "Person");
        assertThat(first.score()).isCloseTo((0.9 + 0.8) / 2, within(1e-6));
        RectangleLabelsRegion vehicle = (RectangleLabelsRegion) first.result().get(0);
        assertThat(vehicle.fromName()).isEqualTo("label");
        assertThat(vehicle.header().toName()).isEqualTo("image");
        assertThat(vehicle.header().originalWidth()).isEqualTo(128);
        assertThat(vehicle.header().originalHeight()).isEqualTo(96);
        // The rectangle at (20,30) 40x20 of a 128x96 image, in percent; a pixel of letterbox rounding allowed.
        assertThat(vehicle.value().x()).isCloseTo(100.0 * 20 / 128, within(1.6));
        assertThat(vehicle.value().y()).isCloseTo(100.0 * 30 / 96, within(2.1));
        assertThat(vehicle.value().width()).isCloseTo(100.0 * 40 / 128, within(2.4));
        assertThat(vehicle.value().height()).isCloseTo(100.0 * 20 / 96, within(3.2));
        RectangleLabelsRegion person = (RectangleLabelsRegion) first.result().get(1);
        assertThat(person.value().x()).isCloseTo(100.0 * 24 / 128, within(1e-6));
        assertThat(person.value().y()).isCloseTo(100.0 * 8 / 96, within(1e-6));

        RectangleLabelsRegion other = (RectangleLabelsRegion) predictions.get(2).result().get(0);
        assertThat(other.value().x()).isCloseTo(100.0 * 64 / 128, within(1.6));
        assertThat(other.value().height()).isCloseTo(100.0 * 60 / 96, within(3.2));

        for (Prediction p : List.of(first, predictions.get(2))) {
            JsonNode wire = MAPPER.valueToTree(p);
            for (JsonNode region : wire.path("result")) {
                assertThat(region.path("type").asText()).isEqualTo("rectanglelabels");
                assertThat(region.path("original_width").asInt()).isEqualTo(128);
                assertThat(region.path("value").path("rotation").asDouble()).isZero();
                assertThat(region.path("score").asDouble()).isBetween(0.3, 1.0);
                for (String key : List.of("x", "y", "width", "height")) {
                    assertThat(region.path("value").path(key).asDouble()).as(key).isBetween(0.0, 100.0);
                }
                assertThat(region.path("value").path("x").asDouble() + region.path("value").path("width").asDouble()).isLessThanOrEqualTo(100.0);
            }
        }
    }
}
