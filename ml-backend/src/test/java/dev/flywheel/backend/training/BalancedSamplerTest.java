package dev.flywheel.backend.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BalancedSamplerTest {

    @Test
    void aRareClassIsSeenAsOftenAsACommonOneAndEveryCommonExampleTakesItsTurn() {
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            examples.add(new Example(i, new byte[3], 0));
        }
        for (int i = 90; i < 100; i++) {
            examples.add(new Example(i, new byte[3], 1));
        }
        BalancedSampler sampler = new BalancedSampler(examples, new Random(1));

        Set<Long> seenCommon = new HashSet<>();
        for (int epoch = 0; epoch < 2; epoch++) {
            List<Example> order = sampler.nextEpoch();
            assertThat(order).hasSize(100);
            Map<Integer, Integer> perClass = new HashMap<>();
            order.forEach(e -> perClass.merge(e.label(), 1, Integer::sum));
            assertThat(perClass).containsEntry(0, 50).containsEntry(1, 50);
            order.stream().filter(e -> e.label() == 0).forEach(e -> seenCommon.add(e.taskId()));
        }
        assertThat(seenCommon).as("two epochs of 50 deal all 90 common examples").hasSize(90);
    }

    @Test
    void aBalancedDatasetIsAPermutationOfItself() {
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            examples.add(new Example(i, new byte[3], i % 3));
        }
        List<Example> order = new BalancedSampler(examples, new Random(2)).nextEpoch();
        assertThat(order).containsExactlyInAnyOrderElementsOf(examples).isNotEqualTo(examples);
    }
}
