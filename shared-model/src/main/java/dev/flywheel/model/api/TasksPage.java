package dev.flywheel.model.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A page of {@code GET /api/v1/projects/{project}/tasks}.
 *
 * @param tasks the tasks of this page
 * @param nextCursor cursor of the next page, null at the end
 */
public record TasksPage(List<TaskSummary> tasks, @JsonProperty("next_cursor") String nextCursor) {

    public TasksPage {
        tasks = Checks.list(tasks);
    }
}
