package dev.flywheel.backend.kind.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.flywheel.backend.inference.Detection;
import dev.flywheel.backend.inference.PixelBox;
import dev.flywheel.backend.labelconfig.LabelConfigParser;
import dev.flywheel.backend.labelconfig.ServingTarget;
import dev.flywheel.model.labelstudio.Prediction;
import dev.flywheel.model.labelstudio.RectangleLabelsRegion;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoxRegionsTest {

    private static final String CONFIG = """
            <View>
              <Image name="img" value="$image"/>
              <RectangleLabels name="boxes" toName="img" %s>
                <Label value="Car" predicted_values="car, truck"/>
                <Label value="Person"/>
              </RectangleLabels>
            </View>""";

    private final BoxRegions regions = new BoxRegions(new BoxPolicy(0.3, 0.45));

    private static ServingTarget target(String attributes) {
        return new LabelConfigParser().parse(CONFIG.formatted(attributes)).onImage("RectangleLabels", c -> true).orElseThrow();
    }

    @Test
    void aPixelBoxBecomesPercentOfTheImageWithTheOriginalSizeOnTheRegion() {
        // 200x100 image; box from (50,25) of 100x50 pixels → x 25 %, y 25 %, width 50 %, height 50 %.
        Prediction p = regions.prediction(target(""), 200, 100, List.of(new Detection("Person", 0.8, new PixelBox(50, 25, 100, 50))), "v1");

        RectangleLabelsRegion region = (RectangleLabelsRegion) p.result().getFirst();
        assertThat(region.type()).isEqualTo("rectanglelabels");
        assertThat(region.fromName()).isEqualTo("boxes");
        assertThat(region.header().toName()).isEqualTo("img");
        assertThat(region.header().originalWidth()).isEqualTo(200);
        assertThat(region.header().originalHeight()).isEqualTo(100);
        assertThat(region.value().x()).isCloseTo(25.0, within(1e-9));
        assertThat(region.value().y()).isCloseTo(25.0, within(1e-9));
        assertThat(region.value().width()).isCloseTo(50.0, within(1e-9));
        assertThat(region.value().height()).isCloseTo(50.0, within(1e-9));
        assertThat(region.value().rotation()).isZero();
        assertThat(region.value().labels()).containsExactly("Person");
        assertThat(region.header().score()).isEqualTo(0.8);
        assertThat(p.modelVersion()).isEqualTo("v1");
    }

    @Test
    void modelClassesMapThroughPredictedValuesAndUnknownClassesAreDropped() {
        List<Detection> found = List.of(
                new Detection("truck", 0.9, new PixelBox(0, 0, 10, 10)),
                new Detection("zebra", 0.95, new PixelBox(50, 50, 10, 10)));

        Prediction p = regions.prediction(target(""), 100, 100, found, "v1");

        assertThat(p.result()).hasSize(1);
        assertThat(p.result().getFirst().labels()).containsExactly("Car");
    }

    @Test
    void aBoxReachingPastTheImageIsClampedToIt() {
        // (-20,-10) to (80,40) on 100x50 → (0,0) to (80,40): 80 % by 80 %.
        Prediction p = regions.prediction(target(""), 100, 50, List.of(new Detection("car", 0.9, new PixelBox(-20, -10, 100, 50))), "v1");

        RectangleLabelsRegion region = (RectangleLabelsRegion) p.result().getFirst();
        assertThat(region.value().x()).isZero();
        assertThat(region.value().y()).isZero();
        assertThat(region.value().width()).isCloseTo(80.0, within(1e-9));
        assertThat(region.value().height()).isCloseTo(80.0, within(1e-9));
    }

    @Test
    void theControlsScoreThresholdOverridesTheDefault() {
        List<Detection> found = List.of(new Detection("car", 0.5, new PixelBox(0, 0, 10, 10)));

        assertThat(regions.prediction(target(""), 100, 100, found, "v1").result()).hasSize(1);
        assertThat(regions.prediction(target("model_score_threshold=\"0.6\""), 100, 100, found, "v1").result()).isEmpty();
    }

    @Test
    void boxesBelowTheDefaultThresholdAreDropped() {
        List<Detection> found = List.of(new Detection("car", 0.29, new PixelBox(0, 0, 10, 10)));

        Prediction p = regions.prediction(target(""), 100, 100, found, "v1");

        assertThat(p.result()).isEmpty();
        assertThat(p.score()).isZero();
    }

    @Test
    void suppressionWorksOnLabelsSoTwoModelClassesOfOneLabelDoNotDoubleABox() {
        List<Detection> found = List.of(
                new Detection("car", 0.9, new PixelBox(0, 0, 10, 10)),
                new Detection("truck", 0.7, new PixelBox(0, 0, 10, 10)),
                new Detection("Person", 0.6, new PixelBox(0, 0, 10, 10)));

        Prediction p = regions.prediction(target(""), 100, 100, found, "v1");

        assertThat(p.result()).extracting(r -> r.labels().getFirst()).containsExactly("Car", "Person");
    }

    @Test
    void thePredictionScoreIsTheMeanOfItsRegionScores() {
        List<Detection> found = List.of(
                new Detection("car", 0.9, new PixelBox(0, 0, 10, 10)),
                new Detection("Person", 0.5, new PixelBox(50, 50, 10, 10)));

        Prediction p = regions.prediction(target(""), 100, 100, found, "v1");

        assertThat(p.score()).isCloseTo(0.7, within(1e-12));
    }
}
