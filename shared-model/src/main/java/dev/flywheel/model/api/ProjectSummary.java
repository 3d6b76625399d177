package dev.flywheel.model.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One project in the projects list.
 *
 * @param id Label Studio's numeric project id
 * @param title project title
 * @param taskType what Flywheel can serve for it
 * @param labels label values of the label config
 * @param tasks number of tasks
 * @param annotations number of annotations
 * @param activeModelVersion the version predictions carry now, or null
 * @param lastAnnotationAt ISO-8601 UTC time of the last annotation, or null
 */
public record ProjectSummary(long id, String title, @JsonProperty("task_type") TaskType taskType, List<String> labels, long tasks,
        long annotations, @JsonProperty("active_model_version") String activeModelVersion,
        @JsonProperty("last_annotation_at") String lastAnnotationAt) {

    public ProjectSummary {
        Checks.nonNegative("id", id);
        Checks.required("task_type", taskType);
        labels = Checks.list(labels);
        Checks.nonNegative("tasks annotations", tasks, annotations);
    }
}
