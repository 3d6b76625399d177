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
 * @param coverage how many labelled tasks the issues were computed from; null from a backend that does not say
 * @param estimatedNoiseRate the share of labels the method believes wrong, in [0, 1]; null when nothing was computed
 */
public record LabelIssuesPage(@JsonProperty("model_version") String modelVersion, List<LabelIssue> issues,
        @JsonProperty("next_cursor") String nextCursor, AuditState audit, IssueCoverage coverage,
        @JsonProperty("estimated_noise_rate") Double estimatedNoiseRate) {

    public LabelIssuesPage {
        issues = Checks.list(issues);
        if (estimatedNoiseRate != null && !(estimatedNoiseRate >= 0 && estimatedNoiseRate <= 1)) {
            throw new IllegalArgumentException("estimated_noise_rate must be in [0, 1]");
        }
    }

    /** A page that says nothing of the audit. */
    public LabelIssuesPage(String modelVersion, List<LabelIssue> issues, String nextCursor) {
        this(modelVersion, issues, nextCursor, null, null, null);
    }

    /** Whether the list may still change because the newest version's audit is running. */
    public boolean provisional() {
        return audit != null && audit.provisional();
    }
}
