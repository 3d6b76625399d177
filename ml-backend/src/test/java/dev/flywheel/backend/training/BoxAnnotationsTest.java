package dev.flywheel.backend.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywheel.backend.analytics.LabeledBox;
import dev.flywheel.backend.labelconfig.LabelConfigParser;
import dev.flywheel.backend.labelconfig.ServingTarget;
import dev.flywheel.fixtures.Annotations;
import dev.flywheel.fixtures.Regions;
import dev.flywheel.model.labelstudio.RectangleLabelsRegion;
import dev.flywheel.model.labelstudio.RegionHeader;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoxAnnotationsTest {

    private static final ServingTarget TARGET = new LabelConfigParser().parse("""
            <View>
              <Image name="image" value="$image"/>
              <RectangleLabels name="label" toName="image">
                <Label value="Car"/>
                <Label value="Person"/>
              </RectangleLabels>
            </View>""").onImage("RectangleLabels", c -> true).orElseThrow();

    @Test
    void everyBoxOfAnImageBecomesATrainingBoxInPercent() {
        BoxAnnotations.Boxes boxes = BoxAnnotations.of(9, Annotations.of(1, 9, List.of(
                Regions.box("a", "Car", 10, 20, 30, 40, 200, 100),
                Regions.box("b", "Person", 50, 50, 10, 10, 200, 100),
                Regions.box("c", "Car", 70, 5, 20, 20, 200, 100))), TARGET);

        assertThat(boxes.boxes()).containsExactly(
                LabeledBox.truth(9, "Car", 10, 20, 30, 40),
                LabeledBox.truth(9, "Person", 50, 50, 10, 10),
                LabeledBox.truth(9, "Car", 70, 5, 20, 20));
        assertThat(boxes.note()).isEmpty();
    }

    @Test
    void rotatedBoxesAndBoxesOnRotatedImagesAreIgnoredWithANote() {
        RectangleLabelsRegion straight = Regions.box("a", "Car", 10, 20, 30, 40, 200, 100);
        RectangleLabelsRegion turned = new RectangleLabelsRegion(RegionHeader.of("label", "image", null).withImage("b", 200, 100, 0.0),
                new RectangleLabelsRegion.Value(10.0, 20.0, 30.0, 40.0, 15.0, List.of("Car"), null));
        RectangleLabelsRegion onTurnedImage = new RectangleLabelsRegion(RegionHeader.of("label", "image", null).withImage("c", 200, 100, 90.0),
                new RectangleLabelsRegion.Value(10.0, 20.0, 30.0, 40.0, 360.0, List.of("Car"), null));

        BoxAnnotations.Boxes boxes = BoxAnnotations.of(9, Annotations.of(1, 9, List.of(straight, turned, onTurnedImage)), TARGET);

        assertThat(boxes.boxes()).hasSize(1);
        assertThat(boxes.rotatedIgnored()).isEqualTo(2);
        assertThat(boxes.note()).contains("2 rotated box(es) ignored");
    }

    @Test
    void aSkippedTaskGivesNoBoxes() {
        BoxAnnotations.Boxes boxes = BoxAnnotations.of(9, Annotations.skip(1, 9), TARGET);

        assertThat(boxes.boxes()).isEmpty();
    }

    @Test
    void labelsNoLongerInTheConfigAreLeftOutAndCounted() {
        BoxAnnotations.Boxes boxes = BoxAnnotations.of(9, Annotations.of(1, 9, List.of(Regions.box("a", "Truck", 1, 1, 5, 5, 10, 10))), TARGET);

        assertThat(boxes.boxes()).isEmpty();
        assertThat(boxes.unknownLabelIgnored()).isEqualTo(1);
    }
}
