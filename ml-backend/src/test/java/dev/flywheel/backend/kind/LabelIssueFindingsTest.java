package dev.flywheel.backend.kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flywheel.model.api.LabelIssue;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelIssueFindingsTest {

    @Test
    void aKindWithoutItsOwnEstimateCountsEachFlaggedTaskOnceAmongTheJudgedOnes() {
        // Task 4 has two tag issues, task 9 one: two of the ten judged tasks look wrong.
        List<LabelIssue> issues = List.of(issue(4, "a"), issue(4, "b"), issue(9, "a"));

        LabelIssueFindings findings = LabelIssueFindings.perTask(issues, 12, 10);

        assertThat(findings.estimatedNoiseRate()).isEqualTo(0.2);
        assertThat(findings.labeled()).isEqualTo(12);
        assertThat(findings.outOfSample()).isEqualTo(10);
        assertThat(LabelIssueFindings.perTask(List.of(), 12, 0).estimatedNoiseRate()).as("nothing judged, nothing estimated").isNull();
    }

    @Test
    void moreJudgedTasksThanLabelledOnesIsRefused() {
        assertThatThrownBy(() -> new LabelIssueFindings(List.of(), 3, 4, null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static LabelIssue issue(long task, String label) {
        return new LabelIssue(task, task, label, null, 0.1, 0.9, LabelIssue.SPURIOUS, null);
    }
}
