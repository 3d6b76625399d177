package dev.flywheel.backend.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HoldoutSplitTest {

    @Test
    void aTaskStaysOnTheSameSideAsTheDatasetGrows() {
        HoldoutSplit small = HoldoutSplit.of(examples(200), 0.2, 42);
        HoldoutSplit large = HoldoutSplit.of(examples(1000), 0.2, 42);

        List<Long> smallHoldout = small.holdout().stream().map(Example::taskId).toList();
        List<Long> largeHoldout = large.holdout().stream().map(Example::taskId).toList();
        assertThat(largeHoldout).containsAll(smallHoldout);
        assertThat(large.training().stream().map(Example::taskId).toList()).doesNotContainAnyElementsOf(smallHoldout);
        assertThat(largeHoldout.size()).isBetween(160, 240);
    }

    @Test
    void everyClassWithTwoExamplesIsBothTrainedAndEvaluated() {
        List<Example> tiny = List.of(new Example(1, new byte[0], 0), new Example(2, new byte[0], 0), new Example(3, new byte[0], 1),
                new Example(4, new byte[0], 1), new Example(5, new byte[0], 2));

        HoldoutSplit split = HoldoutSplit.of(tiny, 0.2, 42);

        assertThat(split.holdout()).extracting(Example::label).containsExactlyInAnyOrder(0, 1);
        assertThat(split.training()).extracting(Example::label).containsExactlyInAnyOrder(0, 1, 2);
    }

    private static List<Example> examples(int n) {
        List<Example> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new Example(10_000 + i, new byte[0], i % 4));
        }
        return list;
    }
}
