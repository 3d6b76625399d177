package dev.flywheel.backend.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A stratified split into training and hold-out examples, so every class with two or more examples is evaluated.
 */
public record HoldoutSplit(List<Example> training, List<Example> holdout) {

    public HoldoutSplit {
        training = List.copyOf(training);
        holdout = List.copyOf(holdout);
    }

    public static HoldoutSplit of(List<Example> examples, double fraction, long seed) {
        Map<Integer, List<Example>> byLabel = new TreeMap<>();
        for (Example example : examples) {
            byLabel.computeIfAbsent(example.label(), k -> new ArrayList<>()).add(example);
        }
        Random random = new Random(seed);
        List<Example> training = new ArrayList<>();
        List<Example> holdout = new ArrayList<>();
        for (List<Example> group : byLabel.values()) {
            List<Example> shuffled = new ArrayList<>(group);
            shuffled.sort(java.util.Comparator.comparingLong(Example::taskId));
            Collections.shuffle(shuffled, random);
            int held = fraction == 0 || shuffled.size() < 2 ? 0 : Math.max(1, (int) Math.round(shuffled.size() * fraction));
            holdout.addAll(shuffled.subList(0, held));
            training.addAll(shuffled.subList(held, shuffled.size()));
        }
        return new HoldoutSplit(training, holdout);
    }
}
