package dev.flywheel.model.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The reply of {@code GET /api/v1/projects/{project}/stats}: dataset size, class balance, annotators and agreement.
 *
 * @param tasks number of tasks
 * @param annotatedTasks tasks with at least one annotation
 * @param annotations annotations, skips excluded
 * @param skipped skipped tasks
 * @param classes label counts
 * @param imbalanceRatio largest class count over smallest, or null without classes
 * @param annotators per-annotator counts
 * @param agreement inter-annotator agreement, or null
 * @param issuesOpen label issues not yet resolved
 */
public record ProjectStats(long tasks, @JsonProperty("annotated_tasks") long annotatedTasks, long annotations, long skipped,
        List<ClassCount> classes, @JsonProperty("imbalance_ratio") Double imbalanceRatio, List<AnnotatorStats> annotators,
        Agreement agreement, @JsonProperty("issues_open") long issuesOpen) {

    public ProjectStats {
        Checks.nonNegative("tasks annotated_tasks annotations skipped", tasks, annotatedTasks, annotations, skipped);
        classes = Checks.list(classes);
        Checks.nonNegative("imbalance_ratio", imbalanceRatio);
        annotators = Checks.list(annotators);
        Checks.nonNegative("issues_open", issuesOpen);
    }
}
