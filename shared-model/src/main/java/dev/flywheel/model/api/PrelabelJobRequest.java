package dev.flywheel.model.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code POST /api/v1/projects/{project}/prelabel-jobs}; both fields may be left out.
 *
 * @param version the version to predict with; null for the project's active version
 * @param onlyUnlabeled whether labelled tasks are skipped; null means true
 */
public record PrelabelJobRequest(String version, @JsonProperty("only_unlabeled") Boolean onlyUnlabeled) {

    /** Whether labelled tasks are left alone: the default, since a labelled task needs no pre-label. */
    public boolean skipsLabeled() {
        return onlyUnlabeled == null || onlyUnlabeled;
    }
}
