package dev.flywheel.backend.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AugmentationTest {

    private static final int SIZE = 16;

    @Test
    void noneReturnsTheImageAsItIs() {
        byte[] image = gradient();
        assertThat(Augmentation.NONE.apply(image, SIZE, new Random(1))).isEqualTo(image);
    }

    @Test
    void shiftMovesTheWholeImageByAtMostASixteenthOfItsEdgeAndRepeatsTheBorder() {
        byte[] image = gradient();
        Augmentation shift = Augmentation.parse("shift");
        Set<Integer> offsets = new HashSet<>();
        Random random = new Random(3);
        for (int draw = 0; draw < 200; draw++) {
            byte[] out = shift.apply(image, SIZE, random);
            // The gradient's value at (x, y) is x + 16 y, so an interior pixel tells where it came from.
            int source = out[5 * SIZE + 5] & 0xFF;
            int dx = 5 - source % SIZE;
            int dy = 5 - source / SIZE;
            assertThat(Math.abs(dx)).isLessThanOrEqualTo(1);
            assertThat(Math.abs(dy)).isLessThanOrEqualTo(1);
            offsets.add(dx * 10 + dy);
            // Every pixel came from the same offset, edges clamped: no wrap-around, no black border.
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    int sx = Math.max(0, Math.min(SIZE - 1, x - dx));
                    int sy = Math.max(0, Math.min(SIZE - 1, y - dy));
                    assertThat(out[y * SIZE + x]).isEqualTo(image[sy * SIZE + sx]);
                    assertThat(out[2 * SIZE * SIZE + y * SIZE + x]).isEqualTo(image[2 * SIZE * SIZE + sy * SIZE + sx]);
                }
            }
        }
        assertThat(offsets).as("all nine offsets occur").hasSize(9);
    }

    @Test
    void flipMirrorsLeftToRightAboutHalfOfTheTime() {
        byte[] image = gradient();
        Augmentation flip = Augmentation.parse("flip");
        Random random = new Random(5);
        int mirrored = 0;
        for (int draw = 0; draw < 400; draw++) {
            byte[] out = flip.apply(image, SIZE, random);
            if (out[0] == image[SIZE - 1]) {
                mirrored++;
                assertThat(out[SIZE - 1]).isEqualTo(image[0]);
            } else {
                assertThat(out).isEqualTo(image);
            }
        }
        assertThat(mirrored).isBetween(160, 240);
    }

    @Test
    void parsesTheWordsItDescribesItselfWith() {
        for (String text : new String[] {"none", "shift", "flip", "shift,flip"}) {
            assertThat(Augmentation.parse(text).describe()).isEqualTo(text);
        }
        assertThat(Augmentation.parse(" Flip , SHIFT ")).isEqualTo(new Augmentation(true, true));
        assertThatThrownBy(() -> Augmentation.parse("rotate")).hasMessageContaining("'rotate'");
    }

    /** Three planes of a 16x16 image whose value at (x, y) is x + 16 y (plus the plane's offset). */
    private static byte[] gradient() {
        byte[] chw = new byte[3 * SIZE * SIZE];
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < SIZE * SIZE; i++) {
                chw[c * SIZE * SIZE + i] = (byte) i;
            }
        }
        return chw;
    }
}
