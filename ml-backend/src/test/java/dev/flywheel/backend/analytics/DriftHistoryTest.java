package dev.flywheel.backend.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DriftHistoryTest {

    @Test
    void aWindowIsCutIntoAsManyConsecutiveEqualPartsAsHoldTheMinimum() {
        assertThat(DriftHistory.parts(42, 20, 12)).containsExactly(new int[] {0, 21}, new int[] {21, 42});
        assertThat(DriftHistory.parts(60, 20, 12)).hasSize(3);
    }

    @Test
    void tooFewImagesForOnePartGiveNoHistory() {
        assertThat(DriftHistory.parts(19, 20, 12)).isEmpty();
    }

    @Test
    void aLargeWindowIsCutIntoAtMostTheMaximumOfPartsThatCoverItWithoutGapsOrOverlap() {
        List<int[]> parts = DriftHistory.parts(2_000, 20, 12);

        assertThat(parts).hasSize(12);
        assertThat(parts.getFirst()[0]).isZero();
        assertThat(parts.getLast()[1]).isEqualTo(2_000);
        for (int i = 1; i < parts.size(); i++) {
            assertThat(parts.get(i)[0]).isEqualTo(parts.get(i - 1)[1]);
            assertThat(parts.get(i)[1] - parts.get(i)[0]).isBetween(166, 167);
        }
    }
}
