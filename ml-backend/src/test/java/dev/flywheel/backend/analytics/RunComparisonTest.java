package dev.flywheel.backend.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.data.Offset.offset;

import dev.flywheel.model.api.ClassF1Delta;
import dev.flywheel.model.api.CompareReply;
import dev.flywheel.model.api.DataDiff;
import dev.flywheel.model.api.MetricDelta;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunComparisonTest {

    private static final List<String> LABELS = List.of("cat", "dog");

    // Hold-out: tasks 1,2 are cats, 3,4 dogs. Base gets 1 and 3 right; candidate gets 1, 2 and 4 right.
    private static final Map<Long, HoldOutPrediction> BASE = Map.of(
            1L, new HoldOutPrediction("cat", "cat"),
            2L, new HoldOutPrediction("cat", "dog"),
            3L, new HoldOutPrediction("dog", "dog"),
            4L, new HoldOutPrediction("dog", "cat"));
    private static final Map<Long, HoldOutPrediction> CANDIDATE = Map.of(
            1L, new HoldOutPrediction("cat", "cat"),
            2L, new HoldOutPrediction("cat", "cat"),
            3L, new HoldOutPrediction("dog", "cat"),
            4L, new HoldOutPrediction("dog", "dog"));

    @Test
    void metricDeltasAreCandidateMinusBase() {
        CompareReply reply = compare(Map.of(), Map.of());

        // Base: accuracy 2/4, both F1 = 0.5. Candidate: accuracy 3/4; cat P=2/3 R=1 F1=0.8, dog P=1 R=1/2 F1=2/3.
        assertThat(reply.metrics()).extracting(MetricDelta::name, MetricDelta::base, MetricDelta::candidate)
                .containsExactly(tuple("accuracy", 0.5, 0.75), tuple("macro_f1", 0.5, (0.8 + 2.0 / 3) / 2));
        assertThat(reply.metrics().get(0).delta()).isEqualTo(0.25);
        assertThat(reply.perClass()).extracting(ClassF1Delta::label).containsExactly("cat", "dog");
        assertThat(reply.perClass().get(0).delta()).isCloseTo(0.3, offset(1e-12));
        assertThat(reply.perClass().get(1).delta()).isCloseTo(2.0 / 3 - 0.5, offset(1e-12));
    }

    @Test
    void tasksWrongBeforeAndRightNowAreFixedAndTheReverseBroken() {
        CompareReply reply = compare(Map.of(), Map.of());

        assertThat(reply.changed().fixed()).containsExactly(2L, 4L);
        assertThat(reply.changed().broken()).containsExactly(3L);
    }

    @Test
    void bothConfusionMatricesAreReportedRowsGivenColumnsPredicted() {
        CompareReply reply = compare(Map.of(), Map.of());

        assertThat(reply.confusionBase().matrix()).containsExactly(List.of(1L, 1L), List.of(1L, 1L));
        assertThat(reply.confusionCandidate().matrix()).containsExactly(List.of(2L, 0L), List.of(1L, 1L));
    }

    @Test
    void theDataDiffCountsAddedRemovedAndRelabeledTrainingTasks() {
        CompareReply reply = compare(
                Map.of(10L, "cat", 11L, "dog", 12L, "cat"),
                Map.of(10L, "cat", 11L, "cat", 13L, "dog", 14L, "dog"));

        assertThat(reply.dataDiff()).isEqualTo(new DataDiff(2, 1, 1));
    }

    @Test
    void versionsEvaluatedOnDifferentHoldOutTasksAreRefused() {
        assertThatThrownBy(() -> RunComparison.compare("v1", "v2", LABELS, BASE,
                Map.of(1L, new HoldOutPrediction("cat", "cat")), Map.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("different hold-out tasks");
    }

    private static CompareReply compare(Map<Long, String> baseTraining, Map<Long, String> candidateTraining) {
        CompareReply reply = RunComparison.compare("v1", "v2", LABELS, BASE, CANDIDATE, baseTraining, candidateTraining);
        assertThat(reply.base()).isEqualTo("v1");
        assertThat(reply.candidate()).isEqualTo("v2");
        return reply;
    }
}
