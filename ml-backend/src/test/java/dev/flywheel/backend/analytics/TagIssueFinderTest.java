package dev.flywheel.backend.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywheel.model.api.LabelIssue;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TagIssueFinderTest {

    private static final List<String> LABELS = List.of("shoe", "footwear");

    @Test
    void aTagTheModelConfidentlySeesButNobodyGaveIsMissingAndATagItConfidentlyDeniesIsSpurious() {
        Random random = new Random(1);
        List<TagIssueFinder.TaggedPrediction> tasks = new ArrayList<>();
        for (long task = 0; task < 60; task++) {
            boolean shoe = task % 2 == 0;
            double p = shoe ? 0.8 + 0.15 * random.nextDouble() : 0.05 + 0.1 * random.nextDouble();
            // The model is surest of the image whose tag was left out, as it is of a clear picture of a shoe.
            p = task == 10 ? 0.97 : p;
            boolean footwearGiven = shoe && task != 10;
            boolean shoeGiven = shoe || task == 11;
            tasks.add(new TagIssueFinder.TaggedPrediction(task, 100 + task, new boolean[] {shoeGiven, footwearGiven}, new double[] {p, p}));
        }

        List<LabelIssue> issues = TagIssueFinder.find(LABELS, tasks);

        assertThat(issues).anySatisfy(issue -> {
            assertThat(issue.taskId()).isEqualTo(10);
            assertThat(issue.kind()).isEqualTo(LabelIssue.MISSING);
            assertThat(issue.suggestedLabel()).isEqualTo("footwear");
            assertThat(issue.givenLabel()).isNull();
            assertThat(issue.annotationId()).isEqualTo(110);
            assertThat(issue.box()).isNull();
        });
        assertThat(issues).anySatisfy(issue -> {
            assertThat(issue.taskId()).isEqualTo(11);
            assertThat(issue.kind()).isEqualTo(LabelIssue.SPURIOUS);
            assertThat(issue.givenLabel()).isEqualTo("shoe");
        });
        assertThat(issues).extracting(LabelIssue::taskId).containsOnly(10L, 11L);
        assertThat(issues).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
    }

    @Test
    void aLabelEveryTaskHasGivesNoIssues() {
        List<TagIssueFinder.TaggedPrediction> tasks = List.of(
                new TagIssueFinder.TaggedPrediction(1, null, new boolean[] {true, true}, new double[] {0.1, 0.9}),
                new TagIssueFinder.TaggedPrediction(2, null, new boolean[] {true, true}, new double[] {0.2, 0.8}));

        assertThat(TagIssueFinder.find(LABELS, tasks)).isEmpty();
    }
}
