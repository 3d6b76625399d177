package dev.flywheel.backend.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.flywheel.model.api.AnnotatorStats;
import dev.flywheel.model.api.ClassCount;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatasetStatsTest {

    @Test
    void classCountsCarrySharesLargestFirstAndKeepUnusedLabels() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("cat", 10L);
        counts.put("dog", 30L);
        counts.put("bird", 0L);

        assertThat(DatasetStats.classCounts(counts))
                .extracting(ClassCount::label, ClassCount::count, ClassCount::share)
                .containsExactly(tuple("dog", 30L, 0.75), tuple("cat", 10L, 0.25), tuple("bird", 0L, 0.0));
    }

    @Test
    void imbalanceRatioIsLargestOverSmallestAmongClassesThatOccur() {
        assertThat(DatasetStats.imbalanceRatio(Map.of("cat", 10L, "dog", 30L, "bird", 0L))).isEqualTo(3.0);
    }

    @Test
    void imbalanceRatioIsNullWithoutAnyLabels() {
        assertThat(DatasetStats.imbalanceRatio(Map.of("cat", 0L))).isNull();
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwoAndIgnoresMissingValues() {
        assertThat(DatasetStats.median(Arrays.asList(4.0, null, 1.0, 3.0, 100.0))).isEqualTo(3.5);
        assertThat(DatasetStats.median(List.of(5.0, 1.0, 3.0))).isEqualTo(3.0);
        assertThat(DatasetStats.median(List.of())).isNull();
    }

    @Test
    void annotatorsReportTheirCountAndMedianLeadTimeMostActiveFirst() {
        Map<Long, List<Double>> leadTimes = Map.of(
                7L, List.of(2.0, 8.0, 4.0),
                9L, Arrays.asList(10.0, null, 20.0, 30.0));

        assertThat(DatasetStats.annotators(leadTimes))
                .extracting(AnnotatorStats::id, AnnotatorStats::annotations, AnnotatorStats::medianLeadTimeS)
                .containsExactly(tuple(9L, 4L, 20.0), tuple(7L, 3L, 4.0));
    }
}
