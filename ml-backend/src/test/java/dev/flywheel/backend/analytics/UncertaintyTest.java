package dev.flywheel.backend.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UncertaintyTest {

    @Test
    void theMarginIsTheTopProbabilityMinusTheRunnerUpWhereverTheyAre() {
        assertThat(Uncertainty.margin(new double[] {0.2, 0.5, 0.3})).isCloseTo(0.2, offset(1e-12));
        assertThat(Uncertainty.margin(new double[] {0.45, 0.1, 0.45})).isEqualTo(0.0);
    }

    @Test
    void tasksAreOrderedSmallestMarginFirstKeepingInputOrderOnTies() {
        Map<String, double[]> predictions = Map.of(
                "sure", new double[] {0.9, 0.1},
                "tossup", new double[] {0.5, 0.5},
                "leaning", new double[] {0.7, 0.3},
                "alsoLeaning", new double[] {0.3, 0.7});

        List<String> ordered = Uncertainty.mostUncertainFirst(List.of("sure", "leaning", "tossup", "alsoLeaning"), predictions::get);

        assertThat(ordered).containsExactly("tossup", "leaning", "alsoLeaning", "sure");
    }
}
