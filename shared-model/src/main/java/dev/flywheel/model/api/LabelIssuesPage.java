package dev.flywheel.model.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A page of {@code GET /api/v1/projects/{project}/label-issues}, most likely errors first.
 *
 * @param modelVersion the version whose out-of-sample predictions found the issues
 * @param issues the issues
 * @param nextCursor cursor of the next page, null at the end
 * @param audit where the audit the issues build on stands; null from a backend that does not say
 */
public record LabelIssuesPage(@JsonProperty("model_version") String modelVersion, List<LabelIssue> issues,
        @JsonProperty("next_cursor") String nextCursor, AuditState audit) {

    public LabelIssuesPage {
        issues = Checks.list(issues);
    }

    /** A page that says nothing of the audit. */
    public LabelIssuesPage(String modelVersion, List<LabelIssue> issues, String nextCursor) {
        this(modelVersion, issues, nextCursor, null);
    }
}
