package dev.flywheel.model.api;

import java.util.List;

/**
 * One task in the tasks page: its image, given labels, current prediction and open issue.
 *
 * @param id task id
 * @param image the image reference as stored in the task
 * @param labels labels annotators gave
 * @param prediction the latest prediction, or null
 * @param issue the open label issue, or null
 */
public record TaskSummary(long id, String image, List<String> labels, TaskPrediction prediction, LabelIssue issue) {

    public TaskSummary {
        Checks.nonNegative("id", id);
        labels = Checks.list(labels);
    }
}
