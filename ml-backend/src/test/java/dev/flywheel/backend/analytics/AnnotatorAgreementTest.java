package dev.flywheel.backend.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.flywheel.model.api.Agreement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnnotatorAgreementTest {

    @Test
    void pairwiseAgreementAveragesEachTasksShareOfAgreeingPairsOverTasksWithSeveralAnnotations() {
        Map<Long, List<String>> labels = Map.of(
                1L, List.of("cat", "cat", "dog"),  // 1 of 3 pairs agree
                2L, List.of("dog", "dog"),         // 1 of 1
                3L, List.of("cat"));               // single annotation: not counted

        Agreement agreement = AnnotatorAgreement.pairwise(labels);

        assertThat(agreement.tasksWithMultiple()).isEqualTo(2);
        assertThat(agreement.meanPairwise()).isCloseTo((1.0 / 3 + 1) / 2, offset(1e-12));
    }

    @Test
    void pairwiseAgreementIsNullWhenNoTaskHasTwoAnnotations() {
        assertThat(AnnotatorAgreement.pairwise(Map.of(1L, List.of("cat"))).meanPairwise()).isNull();
    }

    @Test
    void krippendorffsNominalAlphaMatchesHisPublishedExampleWithMissingData() {
        // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", example C: 4 observers, 12 units,
        // missing values; published nominal alpha = 0.743 (exactly 1 - 39 * 10 / 1520 = 0.74342...).
        Integer[][] observers = {
            {1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null},
            {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3},
            {null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null},
            {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null},
        };

        Double alpha = AnnotatorAgreement.krippendorffAlphaNominal(units(observers));

        assertThat(alpha).isCloseTo(0.743, offset(0.0005));
        assertThat(alpha).isCloseTo(1 - 39.0 * 10 / 1520, offset(1e-12));
    }

    @Test
    void alphaIsOneForPerfectAgreementAndUndefinedWithoutVariation() {
        assertThat(AnnotatorAgreement.krippendorffAlphaNominal(List.of(List.of("a", "a"), List.of("b", "b")))).isEqualTo(1.0);
        assertThat(AnnotatorAgreement.krippendorffAlphaNominal(List.of(List.of("a", "a"), List.of("a", "a")))).isNull();
    }

    private static List<List<String>> units(Integer[][] observers) {
        List<List<String>> units = new ArrayList<>();
        for (int u = 0; u < observers[0].length; u++) {
            String[] values = new String[observers.length];
            for (int o = 0; o < observers.length; o++) {
                values[o] = observers[o][u] == null ? null : observers[o][u].toString();
            }
            units.add(Arrays.asList(values));
        }
        return units;
    }
}
