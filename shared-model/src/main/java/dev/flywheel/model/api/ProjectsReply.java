package dev.flywheel.model.api;

import java.util.List;

/**
 * The reply of {@code GET /api/v1/projects}: every project the backend knows.
 *
 * @param projects the projects
 */
public record ProjectsReply(List<ProjectSummary> projects) {

    public ProjectsReply {
        projects = Checks.list(projects);
    }
}
