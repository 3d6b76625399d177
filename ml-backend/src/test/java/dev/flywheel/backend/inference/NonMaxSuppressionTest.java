package dev.flywheel.backend.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class NonMaxSuppressionTest {

    @Test
    void iouOfTwoHalfOverlappingSquaresIsOneThird() {
        // 10x10 at (0,0) and (5,0): intersection 50, union 150.
        assertThat(new PixelBox(0, 0, 10, 10).iou(new PixelBox(5, 0, 10, 10))).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(new PixelBox(0, 0, 10, 10).iou(new PixelBox(10, 0, 10, 10))).isZero();
    }

    @Test
    void aCentredBoxHasItsTopLeftCornerHalfASizeAway() {
        assertThat(PixelBox.fromCenter(50, 40, 20, 10)).isEqualTo(new PixelBox(40, 35, 20, 10));
    }

    @Test
    void clampingCutsABoxToTheImage() {
        assertThat(new PixelBox(-10, 90, 30, 30).clampTo(100, 100)).isEqualTo(new PixelBox(0, 90, 20, 10));
        assertThat(new PixelBox(120, 0, 10, 10).clampTo(100, 100).area()).isZero();
    }

    @Test
    void aLessConfidentBoxOverlappingABetterOneOfItsClassIsDropped() {
        Detection best = new Detection("car", 0.9, new PixelBox(0, 0, 10, 10));
        Detection duplicate = new Detection("car", 0.6, new PixelBox(1, 0, 10, 10)); // IoU 90/110 = 0.82
        Detection apart = new Detection("car", 0.5, new PixelBox(50, 50, 10, 10));

        assertThat(NonMaxSuppression.classWise(List.of(duplicate, apart, best), 0.45)).containsExactly(best, apart);
    }

    @Test
    void boxesOfDifferentClassesNeverSuppressEachOther() {
        Detection car = new Detection("car", 0.9, new PixelBox(0, 0, 10, 10));
        Detection person = new Detection("person", 0.8, new PixelBox(0, 0, 10, 10));

        assertThat(NonMaxSuppression.classWise(List.of(car, person), 0.45)).containsExactly(car, person);
    }

    @Test
    void anOverlapBelowTheThresholdKeepsBothBoxes() {
        Detection a = new Detection("car", 0.9, new PixelBox(0, 0, 10, 10));
        Detection b = new Detection("car", 0.8, new PixelBox(5, 0, 10, 10)); // IoU 1/3

        assertThat(NonMaxSuppression.classWise(List.of(a, b), 0.5)).containsExactly(a, b);
        assertThat(NonMaxSuppression.classWise(List.of(a, b), 0.3)).containsExactly(a);
    }
}
