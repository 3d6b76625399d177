package dev.flywheel.backend.analytics;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** Margin uncertainty: how close a prediction's best class is to its runner-up, for ordering tasks to label. */
public final class Uncertainty {

    private Uncertainty() {}

    /** The top probability minus the second; 0 means a coin toss between two classes, 1 a certain prediction. */
    public static double margin(double[] probabilities) {
        if (probabilities.length < 2) {
            throw new IllegalArgumentException("a margin needs at least two probabilities");
        }
        double first = Double.NEGATIVE_INFINITY;
        double second = Double.NEGATIVE_INFINITY;
        for (double p : probabilities) {
            if (p > first) {
                second = first;
                first = p;
            } else if (p > second) {
                second = p;
            }
        }
        return first - second;
    }

    /** The items with the smallest margin first; equal margins keep their input order. */
    static <T> List<T> mostUncertainFirst(Collection<T> items, Function<? super T, double[]> probabilities) {
        return items.stream()
                .map(item -> new Scored<>(item, margin(probabilities.apply(item))))
                .sorted(Comparator.comparingDouble(Scored::margin))
                .map(Scored::item)
                .toList();
    }

    private record Scored<T>(T item, double margin) {}
}
