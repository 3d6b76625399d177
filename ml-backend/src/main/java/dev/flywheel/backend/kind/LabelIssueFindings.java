package dev.flywheel.backend.kind;

import dev.flywheel.model.api.LabelIssue;
import java.util.List;

/**
 * What a kind found looking for label errors: the issues, most likely first, how many labelled tasks it could judge
 * (those with out-of-sample evidence) and the share of labels it believes wrong.
 *
 * @param issues likely label errors, most likely first
 * @param labeled labelled tasks in the project
 * @param outOfSample of those, the tasks with predictions from a model that never trained on them
 * @param estimatedNoiseRate share of the judged labels believed wrong, in [0, 1]; null when no task could be judged
 */
public record LabelIssueFindings(List<LabelIssue> issues, long labeled, long outOfSample, Double estimatedNoiseRate) {

    /** Nothing to judge: no labels, or no version yet. */
    public static final LabelIssueFindings NONE = new LabelIssueFindings(List.of(), 0, 0, null);

    public LabelIssueFindings {
        issues = List.copyOf(issues);
        if (outOfSample < 0 || outOfSample > labeled) {
            throw new IllegalArgumentException("out-of-sample tasks must be between 0 and the labelled ones");
        }
        if (estimatedNoiseRate != null && !(estimatedNoiseRate >= 0 && estimatedNoiseRate <= 1)) {
            throw new IllegalArgumentException("the noise rate is a share");
        }
    }

    /**
     * Findings whose noise estimate is the share of judged tasks with at least one issue, for kinds without an
     * estimate of their own (a task with a missing box counts once however many boxes are missing).
     */
    public static LabelIssueFindings perTask(List<LabelIssue> issues, long labeled, long outOfSample) {
        long flaggedTasks = issues.stream().mapToLong(LabelIssue::taskId).distinct().count();
        return new LabelIssueFindings(issues, labeled, outOfSample,
                outOfSample == 0 ? null : Math.min(1.0, (double) flaggedTasks / outOfSample));
    }
}
