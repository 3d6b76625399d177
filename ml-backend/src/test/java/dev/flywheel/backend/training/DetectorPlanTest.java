package dev.flywheel.backend.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywheel.backend.analytics.LabeledBox;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectorPlanTest {

    @Test
    void theInputEdgeLetsTheSmallBoxesSpanTwoGridCellsInStepsOf32Pixels() {
        // 18 px items on 128 px scenes: 14 % of the edge, so two 8 px cells need about 114 px.
        List<LabeledBox> boxes = boxes(14.0, 40.0);

        int input = DetectorPlan.inputFor(boxes, 128);

        assertThat(input).isEqualTo(128);
        assertThat(DetectorPlan.inputFor(boxes(15.0, 40.0), 128)).as("a slightly larger small box keeps the edge").isEqualTo(128);
        assertThat(DetectorPlan.inputFor(boxes(20.0, 40.0), 128)).isEqualTo(96);
        assertThat(input * 0.14).isGreaterThanOrEqualTo(2 * 8);
    }

    @Test
    void theInputIsNeverLargerThanTheImagesNorTheCeiling() {
        assertThat(DetectorPlan.inputFor(boxes(3.0, 5.0), 64)).isEqualTo(64);
        assertThat(DetectorPlan.inputFor(boxes(3.0, 5.0), 4_000)).isEqualTo(DetectorPlan.MAX_INPUT);
        assertThat(DetectorPlan.inputFor(boxes(60.0, 80.0), 640)).isEqualTo(DetectorPlan.MIN_INPUT);
    }

    @Test
    void epochsShrinkAsTheDataGrowsSoARunCostsAboutTheSameAndTheFirstRunIsShort() {
        DetectorPlan small = DetectorPlan.of(120, 270, false);
        DetectorPlan large = DetectorPlan.of(120, 900, false);

        assertThat(small.epochs()).isGreaterThan(large.epochs());
        assertThat((long) large.epochs() * 900 * 120 * 120).isLessThanOrEqualTo(DetectorPlan.PIXEL_BUDGET);
        assertThat(DetectorPlan.of(120, 9, true).epochs()).isEqualTo(DetectorPlan.FIRST_RUN_MAX_EPOCHS);
        assertThat(DetectorPlan.of(128, 1_000_000, false).epochs()).isEqualTo(DetectorPlan.MIN_EPOCHS);
    }

    /** Forty square boxes, the smallest tenth {@code smallPercent} of the edge, the rest {@code largePercent}. */
    private static List<LabeledBox> boxes(double smallPercent, double largePercent) {
        List<LabeledBox> boxes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            double side = i < 5 ? smallPercent : largePercent;
            boxes.add(LabeledBox.truth(i, "item", 10, 10, side, side));
        }
        return boxes;
    }
}
