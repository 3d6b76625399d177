package dev.flywheel.backend.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywheel.model.api.LabelIssue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Box label issues from out-of-sample boxes: what counts as missing, spurious and swapped, and the ranking. */
class BoxIssuesTest {

    private static LabeledBox drawn(long task, String label, double x, double y) {
        return LabeledBox.truth(task, label, x, y, 20, 20);
    }

    private static LabeledBox predicted(long task, String label, double score, double x, double y) {
        return new LabeledBox(task, label, score, x + 1, y + 1, 20, 20);
    }

    @Test
    void aConfidentPredictionWhereNobodyDrewIsMissingAndAMatchedBoxIsNoIssue() {
        var task = new BoxIssues.AnnotatedTask(1, 11L, List.of(drawn(1, "cat", 0, 0)));
        var issues = BoxIssues.find(List.of(task), Map.of(1L, List.of(predicted(1, "cat", 0.9, 0, 0), predicted(1, "dog", 0.8, 60, 60),
                predicted(1, "cat", 0.7, 60, 60), predicted(1, "dog", 0.2, 30, 60))));

        assertThat(issues).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo(LabelIssue.MISSING);
            assertThat(i.givenLabel()).isNull();
            assertThat(i.suggestedLabel()).as("the more confident of two labels on one object, reported once").isEqualTo("dog");
            assertThat(i.score()).isEqualTo(0.8);
            assertThat(i.box().x()).isEqualTo(61);
            assertThat(i.annotationId()).isEqualTo(11L);
        });
    }

    @Test
    void aDrawnBoxNothingSupportsIsSpuriousAndOneFoundUnderAnotherLabelIsSwapped() {
        var task = new BoxIssues.AnnotatedTask(2, 22L, List.of(drawn(2, "cat", 0, 0), drawn(2, "cat", 50, 50), drawn(2, "dog", 50, 0),
                drawn(2, "dog", 0, 50)));
        // The box at (0, 50) is only weakly supported, as real objects often are by a small detector: not spurious.
        var issues = BoxIssues.find(List.of(task), Map.of(2L, List.of(predicted(2, "dog", 0.96, 50, 50), predicted(2, "cat", 0.3, 50, 50),
                predicted(2, "dog", 0.05, 0, 50), predicted(2, "dog", 0.15, 50, 0))));

        // Ranked by how sure: nothing at all predicted where a box was drawn (1.0) before a label found at 0.96.
        assertThat(issues).extracting(LabelIssue::kind).containsExactly(LabelIssue.SPURIOUS, LabelIssue.SWAPPED);
        LabelIssue swapped = issues.get(1);
        assertThat(swapped.givenLabel()).isEqualTo("cat");
        assertThat(swapped.suggestedLabel()).isEqualTo("dog");
        assertThat(swapped.selfConfidence()).isEqualTo(0.3);
        LabelIssue spurious = issues.get(0);
        assertThat(spurious.box().x()).isZero();
        assertThat(spurious.box().y()).isZero();
        assertThat(spurious.score()).isEqualTo(1.0);
        assertThat(spurious.suggestedLabel()).isNull();
    }

    @Test
    void tasksWithoutOutOfSampleBoxesAreNotJudgedAndIssuesRankMostConfidentFirst() {
        var judged = new BoxIssues.AnnotatedTask(3, 33L, List.of(drawn(3, "cat", 0, 0)));
        var other = new BoxIssues.AnnotatedTask(4, 44L, List.of(drawn(4, "cat", 0, 0)));
        var unjudged = new BoxIssues.AnnotatedTask(5, 55L, List.of(drawn(5, "cat", 0, 0)));
        var issues = BoxIssues.find(List.of(judged, other, unjudged), Map.of(
                3L, List.of(predicted(3, "cat", 0.9, 0, 0), predicted(3, "cat", 0.4, 60, 60)),
                4L, List.of(predicted(4, "cat", 0.9, 0, 0), predicted(4, "cat", 0.8, 60, 60))));

        assertThat(issues).extracting(LabelIssue::taskId).containsExactly(4L, 3L);
        assertThat(issues).extracting(LabelIssue::score).containsExactly(0.8, 0.4);
    }
}
