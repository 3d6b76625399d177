package dev.flywheel.backend.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywheel.model.api.CompareReply;
import dev.flywheel.model.api.MetricDelta;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two detectors compared on one exam: mAP, per-class AP, and the tasks fixed and broken. */
class DetectionComparisonTest {

    private static LabeledBox box(long task, String label, double score, double x) {
        return new LabeledBox(task, label, score, x, 10, 20, 20);
    }

    @Test
    void theCandidateThatFindsTheMissedDogScoresHigherAndFixesItsTask() {
        Map<Long, List<LabeledBox>> truth = Map.of(1L, List.of(box(1, "cat", 1, 0)), 2L, List.of(box(2, "dog", 1, 50)));
        Map<Long, List<LabeledBox>> base = Map.of(1L, List.of(box(1, "cat", 0.9, 1)), 2L, List.of(box(2, "cat", 0.8, 50)));
        Map<Long, List<LabeledBox>> candidate = Map.of(1L, List.of(box(1, "cat", 0.9, 1)), 2L, List.of(box(2, "dog", 0.7, 51)));

        CompareReply reply = DetectionComparison.compare("v1", "v2", List.of("cat", "dog"), truth, base, candidate, 0.25,
                Map.of(1L, "cat"), Map.of(1L, "cat", 3L, "dog"));

        assertThat(reply.metrics()).extracting(MetricDelta::name).containsExactly("map50", "map50_95", "precision", "recall");
        MetricDelta map50 = reply.metrics().getFirst();
        assertThat(map50.base()).isEqualTo(0.5);
        assertThat(map50.candidate()).isEqualTo(1.0);
        assertThat(reply.perClassAp()).extracting(d -> d.label() + ":" + d.baseAp() + "->" + d.candidateAp())
                .containsExactly("cat:1.0->1.0", "dog:0.0->1.0");
        assertThat(reply.changed().fixed()).containsExactly(2L);
        assertThat(reply.changed().broken()).isEmpty();
        assertThat(reply.perClass()).isEmpty();
        assertThat(reply.confusionBase()).isNull();
        assertThat(reply.dataDiff().added()).isEqualTo(1);
    }

    @Test
    void aTaskIsEntirelyRightOnlyWithEveryBoxFoundAndNothingElseServed() {
        List<LabeledBox> truth = List.of(box(1, "cat", 1, 0));
        assertThat(DetectionComparison.entirelyRight(truth, List.of(box(1, "cat", 0.9, 1), box(1, "cat", 0.1, 60)), 0.25)).isTrue();
        assertThat(DetectionComparison.entirelyRight(truth, List.of(box(1, "cat", 0.9, 1), box(1, "dog", 0.3, 60)), 0.25)).isFalse();
        assertThat(DetectionComparison.entirelyRight(truth, List.of(box(1, "cat", 0.2, 1)), 0.25)).isFalse();
        assertThat(DetectionComparison.entirelyRight(List.of(), List.of(), 0.25)).isTrue();
    }
}
