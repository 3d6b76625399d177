package dev.flywheel.backend.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywheel.model.api.LabelIssue;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ConfidentLearningTest {

    private static final List<String> LABELS = List.of("a", "b", "c");

    /*
     * Nine examples, two flipped (task 2 is really b, task 8 is really a).
     *
     * Thresholds, mean self-confidence per given label:
     *   t_a = (0.9 + 0.8 + 0.1) / 3 = 0.6;  t_b = (0.8 + 0.7 + 0.9) / 3 = 0.8;  t_c = (0.8 + 0.9 + 0.1) / 3 = 0.6.
     * Confident class of each example (classes at or above their threshold, argmax among them):
     *   0 -> a, 1 -> a, 2 -> b (0.8 >= t_b), 3 -> b, 4 -> none (0.7 < t_b), 5 -> b, 6 -> c, 7 -> c, 8 -> a (0.7 >= t_a).
     * Confident joint, rows given a b c, columns confident a b c:
     *   a: 2 1 0      calibrated (rows scaled to the label counts 3, 3, 3):   a: 2 1 0
     *   b: 0 2 0                                                              b: 0 3 0
     *   c: 1 0 2                                                              c: 1 0 2
     * Pruning by noise rate: cell (a,b) flags 1 example labelled a with the largest p_b - p_a: task 2 (0.7);
     * cell (c,a) flags 1 example labelled c with the largest p_a - p_c: task 8 (0.6).
     * Normalized-margin scores: task 2: 1 - (0.1 - 0.8 + 1) / 2 = 0.85; task 8: 1 - (0.1 - 0.7 + 1) / 2 = 0.8.
     */
    private static final List<OutOfSamplePrediction> HAND_WORKED = List.of(
            example(0, 0, 0.9, 0.05, 0.05),
            example(1, 0, 0.8, 0.1, 0.1),
            example(2, 0, 0.1, 0.8, 0.1),
            example(3, 1, 0.1, 0.8, 0.1),
            example(4, 1, 0.2, 0.7, 0.1),
            example(5, 1, 0.05, 0.9, 0.05),
            example(6, 2, 0.1, 0.1, 0.8),
            example(7, 2, 0.05, 0.05, 0.9),
            example(8, 2, 0.7, 0.2, 0.1));

    @Test
    void theConfidentJointOfTheHandWorkedExampleMatchesTheHandComputation() {
        ConfidentJoint joint = ConfidentJoint.estimate(HAND_WORKED);

        assertThat(joint.thresholds()).containsExactly(new double[] {0.6, 0.8, 0.6}, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(joint.counts()).isDeepEqualTo(new long[][] {{2, 1, 0}, {0, 2, 0}, {1, 0, 2}});
        assertThat(joint.calibrated()).isDeepEqualTo(new long[][] {{2, 1, 0}, {0, 3, 0}, {1, 0, 2}});
        assertThat(joint.offDiagonal()).containsExactly(2, 8);
    }

    @Test
    void pruningByNoiseRateFlagsTheTwoFlippedLabelsWithTheirSuggestionsMostLikelyFirst() {
        List<LabelIssue> issues = ConfidentLearning.findLabelIssues(
                LABELS, HAND_WORKED, IssueFilter.PRUNE_BY_NOISE_RATE, IssueRanking.NORMALIZED_MARGIN);

        assertThat(issues).extracting(LabelIssue::taskId).containsExactly(2L, 8L);
        assertThat(issues.get(0).givenLabel()).isEqualTo("a");
        assertThat(issues.get(0).suggestedLabel()).isEqualTo("b");
        assertThat(issues.get(0).annotationId()).isEqualTo(1002L);
        assertThat(issues.get(0).selfConfidence()).isEqualTo(0.1);
        assertThat(issues.get(0).score()).isCloseTo(0.85, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(issues.get(1).suggestedLabel()).isEqualTo("a");
        assertThat(issues.get(1).score()).isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void rankingBySelfConfidenceScoresOneMinusTheGivenLabelsProbability() {
        List<LabelIssue> issues = ConfidentLearning.findLabelIssues(
                LABELS, HAND_WORKED, IssueFilter.CONFIDENT_LEARNING, IssueRanking.SELF_CONFIDENCE);

        assertThat(issues).extracting(LabelIssue::taskId).containsExactly(2L, 8L);
        assertThat(issues).extracting(LabelIssue::score).containsOnly(0.9);
    }

    @Test
    void pruningByNoiseRateFindsEightyPercentOfFivePercentFlippedLabelsWithSeventyPercentPrecision() {
        SyntheticPredictions data = SyntheticPredictions.generate(10_000, 3, 0.05, 0.01, 7);

        Set<Long> flagged = flaggedTasks(data, IssueFilter.PRUNE_BY_NOISE_RATE);

        long hits = flagged.stream().filter(data.flipped()::contains).count();
        assertThat((double) hits / data.flipped().size()).as("recall").isGreaterThanOrEqualTo(0.8);
        assertThat((double) hits / flagged.size()).as("precision").isGreaterThanOrEqualTo(0.7);
    }

    @Test
    void offDiagonalMembershipAloneIsAsPreciseButFindsFewerBecauseItOnlySeesConfidentExamples() {
        SyntheticPredictions data = SyntheticPredictions.generate(10_000, 3, 0.05, 0.01, 7);

        Set<Long> offDiagonal = flaggedTasks(data, IssueFilter.CONFIDENT_LEARNING);
        Set<Long> pruned = flaggedTasks(data, IssueFilter.PRUNE_BY_NOISE_RATE);

        long hits = offDiagonal.stream().filter(data.flipped()::contains).count();
        assertThat((double) hits / offDiagonal.size()).as("precision").isGreaterThanOrEqualTo(0.7);
        assertThat((double) hits / data.flipped().size()).as("recall").isGreaterThanOrEqualTo(0.4);
        assertThat(offDiagonal.size()).isLessThan(pruned.size());
    }

    @Test
    void aCleanDatasetWithAnHonestlyUncertainModelFlagsAlmostNothing() {
        SyntheticPredictions data = SyntheticPredictions.generate(10_000, 3, 0, 0.01, 11);

        List<LabelIssue> issues = ConfidentLearning.findLabelIssues(
                LABELS, data.examples(), IssueFilter.PRUNE_BY_NOISE_RATE, IssueRanking.SELF_CONFIDENCE);

        assertThat(issues.size()).isLessThanOrEqualTo(data.examples().size() / 50);
    }

    @Test
    void anExampleTheModelPredictsAsItsGivenLabelIsNeverAnIssue() {
        // Off the diagonal (p_b reaches t_b = 0.45) but still predicted as its given label a.
        List<OutOfSamplePrediction> examples = List.of(
                example(0, 0, 0.5, 0.45, 0.05), example(1, 0, 0.9, 0.05, 0.05),
                example(2, 1, 0.1, 0.8, 0.1), example(3, 1, 0.8, 0.1, 0.1),
                example(4, 2, 0.1, 0.1, 0.8));

        assertThat(ConfidentJoint.estimate(examples).offDiagonal()).contains(0);
        assertThat(ConfidentLearning.findLabelIssues(LABELS, examples, IssueFilter.CONFIDENT_LEARNING, IssueRanking.SELF_CONFIDENCE))
                .extracting(LabelIssue::taskId).doesNotContain(0L);
    }

    @Test
    void theDefaultFlagsOnlyALabelWithUnderATenthOfItsClassesTypicalProbabilityAndEstimatesNoiseAsTheFlaggedShare() {
        // t_a = (0.9 + 0.8 + 0.35 + 0.02) / 4 = 0.5175: task 3 (0.02 < 0.052) is flagged; task 2, a look-alike the model
        // confuses (0.35, predicted b), is not.
        List<OutOfSamplePrediction> examples = List.of(
                example(0, 0, 0.9, 0.05, 0.05), example(1, 0, 0.8, 0.1, 0.1),
                example(2, 0, 0.35, 0.6, 0.05), example(3, 0, 0.02, 0.03, 0.95),
                example(4, 1, 0.05, 0.9, 0.05), example(5, 1, 0.1, 0.85, 0.05),
                example(6, 2, 0.05, 0.05, 0.9), example(7, 2, 0.1, 0.1, 0.8));

        ConfidentLearning.Findings found = ConfidentLearning.find(LABELS, examples);

        assertThat(found.issues()).extracting(LabelIssue::taskId).containsExactly(3L);
        assertThat(found.issues().getFirst().suggestedLabel()).isEqualTo("c");
        assertThat(found.estimatedNoiseRate()).isEqualTo(1.0 / 8);
        assertThat(ConfidentLearning.find(LABELS, List.of()).estimatedNoiseRate()).as("nothing judged").isNull();
    }

    private static Set<Long> flaggedTasks(SyntheticPredictions data, IssueFilter filter) {
        return ConfidentLearning.findLabelIssues(LABELS, data.examples(), filter, IssueRanking.SELF_CONFIDENCE)
                .stream().map(LabelIssue::taskId).collect(Collectors.toSet());
    }

    private static OutOfSamplePrediction example(long task, int given, double... probabilities) {
        return new OutOfSamplePrediction(task, 1000 + task, given, probabilities);
    }
}
