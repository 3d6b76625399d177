package dev.flywheel.backend.analytics;

import dev.flywheel.model.api.AnnotatorStats;
import dev.flywheel.model.api.ClassCount;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Summaries of a labelled dataset for the stats endpoint: class balance and lead times. */
public final class DatasetStats {

    private DatasetStats() {}

    /**
     * Each label's count and share of all labels, largest first (ties by label); labels with a zero count stay in
     * the list so an unused class is visible.
     */
    public static List<ClassCount> classCounts(Map<String, Long> countsByLabel) {
        long total = countsByLabel.values().stream().mapToLong(Long::longValue).sum();
        return countsByLabel.entrySet().stream()
                .map(e -> new ClassCount(e.getKey(), e.getValue(), total == 0 ? 0 : (double) e.getValue() / total))
                .sorted(Comparator.comparingLong(ClassCount::count).reversed().thenComparing(ClassCount::label))
                .toList();
    }

    /**
     * The largest class count over the smallest, over classes that occur at all, or null when none does. Absent
     * classes are left out because a ratio to zero says nothing the class list does not.
     */
    public static Double imbalanceRatio(Map<String, Long> countsByLabel) {
        long max = 0;
        long min = Long.MAX_VALUE;
        for (long count : countsByLabel.values()) {
            if (count > 0) {
                max = Math.max(max, count);
                min = Math.min(min, count);
            }
        }
        return max == 0 ? null : (double) max / min;
    }

    /** The median of the finite values, the mean of the middle two for an even count, or null when there are none. */
    public static Double median(Collection<Double> values) {
        double[] sorted = values.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue)
                .filter(Double::isFinite).sorted().toArray();
        if (sorted.length == 0) {
            return null;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /**
     * Per annotator: annotations submitted and the median lead time in seconds. A null lead time (Label Studio did
     * not record one) counts as an annotation but not towards the median. Most active annotators first.
     */
    public static List<AnnotatorStats> annotators(Map<Long, List<Double>> leadTimesByAnnotator) {
        List<AnnotatorStats> stats = new ArrayList<>();
        leadTimesByAnnotator.forEach((id, leadTimes) -> stats.add(
                new AnnotatorStats(id, leadTimes.size(), median(leadTimes.stream().filter(t -> t == null || t >= 0).toList()))));
        stats.sort(Comparator.comparingLong(AnnotatorStats::annotations).reversed().thenComparingLong(AnnotatorStats::id));
        return List.copyOf(stats);
    }
}
