package dev.flywheel.backend.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * K folds by the stable task hash of the hold-out split (seeded apart from it), for the audits after a run: each fold's
 * tasks are scored by a model trained on the other folds, so every task gets probabilities from a model that never
 * saw it.
 */
record KFold(int folds, long seed) {

    KFold {
        if (folds < 2) {
            throw new IllegalArgumentException("cross-validation needs at least two folds");
        }
    }

    /**
     * Hands each fold to {@code fold}: its training side (every other fold) and its held-out side, in the order of
     * {@code items}; a fold with nothing held out, or whose training side {@code trains} refuses, is skipped.
     */
    <T> void forEach(List<T> items, ToLongFunction<T> taskId, Predicate<List<T>> trains, BiConsumer<List<T>, List<T>> fold) {
        for (int k = 0; k < folds; k++) {
            List<T> training = new ArrayList<>();
            List<T> held = new ArrayList<>();
            for (T item : items) {
                (foldOf(taskId.applyAsLong(item)) == k ? held : training).add(item);
            }
            if (!held.isEmpty() && trains.test(training)) {
                fold.accept(training, held);
            }
        }
    }

    /**
     * Out-of-fold probabilities per task id, from the folds {@link #forEach} hands out; the tasks of skipped folds are
     * absent.
     *
     * @param trainAndScore trains on the first list and answers probabilities for each item of the second, in order
     */
    <T> Map<Long, List<Double>> outOfFold(List<T> items, ToLongFunction<T> taskId, Predicate<List<T>> trains,
            BiFunction<List<T>, List<T>, List<double[]>> trainAndScore) {
        Map<Long, List<Double>> outOfFold = new HashMap<>();
        forEach(items, taskId, trains, (training, held) -> {
            List<double[]> probabilities = trainAndScore.apply(training, held);
            for (int i = 0; i < held.size(); i++) {
                outOfFold.put(taskId.applyAsLong(held.get(i)), Arrays.stream(probabilities.get(i)).boxed().toList());
            }
        });
        return outOfFold;
    }

    private int foldOf(long taskId) {
        return Math.min(folds - 1, (int) (HoldoutSplit.position(taskId, seed + 1) * folds));
    }
}
