package dev.flywheel.backend.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * The split into training and hold-out examples, decided per task by a hash of its id: a task stays on the same side
 * as the dataset grows, so successive versions are evaluated on nested hold-out sets and can be compared task by task.
 *
 * <p>Every class with two or more examples keeps at least one in the hold-out and one in training.
 */
record HoldoutSplit(List<Example> training, List<Example> holdout) {

    public HoldoutSplit {
        training = List.copyOf(training);
        holdout = List.copyOf(holdout);
    }

    public static HoldoutSplit of(List<Example> examples, double fraction, long seed) {
        Sides<Example> sides = split(examples, Example::taskId, Example::label, fraction, seed);
        return new HoldoutSplit(sides.training(), sides.holdout());
    }

    /** The same split of anything that has a task and a label, e.g. a backbone's embedded examples. */
    public static <T> Sides<T> split(List<T> items, ToLongFunction<T> taskId, ToIntFunction<T> label, double fraction, long seed) {
        Map<Integer, List<T>> byLabel = new TreeMap<>();
        for (T item : items) {
            byLabel.computeIfAbsent(label.applyAsInt(item), k -> new ArrayList<>()).add(item);
        }
        List<T> training = new ArrayList<>();
        List<T> holdout = new ArrayList<>();
        for (List<T> group : byLabel.values()) {
            List<T> ordered = new ArrayList<>(group);
            ordered.sort(Comparator.comparingDouble((T e) -> position(taskId.applyAsLong(e), seed)).thenComparingLong(taskId));
            int held = 0;
            for (T e : ordered) {
                if (position(taskId.applyAsLong(e), seed) < fraction) {
                    held++;
                }
            }
            if (fraction > 0 && ordered.size() >= 2) {
                held = Math.max(1, Math.min(held, ordered.size() - 1));
            } else {
                held = 0;
            }
            holdout.addAll(ordered.subList(0, held));
            training.addAll(ordered.subList(held, ordered.size()));
        }
        return new Sides<>(training, holdout);
    }

    /** Training and hold-out sides of a {@link #split}. */
    public record Sides<T>(List<T> training, List<T> holdout) {

        public Sides {
            training = List.copyOf(training);
            holdout = List.copyOf(holdout);
        }
    }

    /** A task's fixed place in [0, 1), from a 64-bit mix of its id (SplitMix64's finaliser). */
    static double position(long taskId, long seed) {
        long z = taskId + seed * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) / (double) (1L << 53);
    }
}
