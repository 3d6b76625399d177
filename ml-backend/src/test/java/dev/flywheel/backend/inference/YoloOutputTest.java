package dev.flywheel.backend.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class YoloOutputTest {

    private static final List<String> CLASSES = List.of("car", "person");

    @Test
    void oneCandidatePerRowIsReadAsCentreSizeAndClassScores() {
        float[] values = {
            50, 40, 20, 10, 0.2f, 0.7f, // person at (40,35) 20x10
            10, 10, 4, 4, 0.9f, 0.1f,   // car at (8,8) 4x4
        };

        List<Detection> found = YoloOutput.decode(values, new long[] {2, 6}, CLASSES, 0.0);

        assertThat(found).containsExactly(
                new Detection("person", 0.7f, new PixelBox(40, 35, 20, 10)),
                new Detection("car", 0.9f, new PixelBox(8, 8, 4, 4)));
    }

    @Test
    void yolov8sRawExportHasOneCandidatePerColumnBehindABatchDimension() {
        // [1, 4+C, N] with N = 3: columns are candidates.
        float[] values = {
            50, 10, 30,     // cx
            40, 10, 30,     // cy
            20, 4, 2,       // w
            10, 4, 2,       // h
            0.2f, 0.9f, 0f, // car
            0.7f, 0.1f, 0f, // person
        };

        List<Detection> found = YoloOutput.decode(values, new long[] {1, 6, 3}, CLASSES, 0.05);

        assertThat(found).extracting(Detection::label).containsExactly("person", "car");
        assertThat(found.getFirst().box()).isEqualTo(new PixelBox(40, 35, 20, 10));
    }

    @Test
    void withObjectnessTheScoreIsObjectnessTimesClassScore() {
        float[] values = {50, 40, 20, 10, 0.5f, 0.2f, 0.8f};

        Detection found = YoloOutput.decode(values, new long[] {1, 1, 7}, CLASSES, 0.0).getFirst();

        assertThat(found.label()).isEqualTo("person");
        assertThat(found.score()).isCloseTo(0.4, within(1e-6));
    }

    @Test
    void candidatesBelowTheMinimumScoreAreSkipped() {
        float[] values = {50, 40, 20, 10, 0.01f, 0.02f};

        assertThat(YoloOutput.decode(values, new long[] {1, 6}, CLASSES, 0.05)).isEmpty();
    }

    @Test
    void anOutputThatDoesNotFitTheClassNamesIsRefusedWithItsShape() {
        assertThatThrownBy(() -> YoloOutput.decode(new float[24], new long[] {3, 8}, CLASSES, 0.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[3, 8]")
                .hasMessageContaining("2 class names");
    }

    @Test
    void theLetterboxMapsInputPixelsBackToTheImage() {
        // 128x96 into 64: half size, 48 rows of image centred → 8 grey rows above.
        Letterbox letterbox = Letterbox.of(128, 96, 64);

        assertThat(letterbox.scale()).isEqualTo(0.5);
        assertThat(letterbox.padX()).isZero();
        assertThat(letterbox.padY()).isEqualTo(8);
        assertThat(letterbox.toImage(new PixelBox(0, 8, 64, 48))).isEqualTo(new PixelBox(0, 0, 128, 96));
        assertThat(letterbox.toImage(new PixelBox(10, 23, 20, 10))).isEqualTo(new PixelBox(20, 30, 40, 20));
    }
}
