package dev.flywheel.model.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The reply of {@code GET /api/v1/projects/{project}/models}, newest first.
 *
 * @param active the active version, or null
 * @param models the versions
 * @param untrainedChanges annotations created, changed or deleted since the newest ready version read its data: what the
 *     next run (or the catch-up after a pause in labelling) will learn from; null from a backend that does not say
 */
public record ModelsReply(String active, List<ModelSummary> models,
        @JsonProperty("untrained_changes") @JsonInclude(JsonInclude.Include.NON_NULL) Long untrainedChanges) {

    public ModelsReply {
        models = Checks.list(models);
        Checks.nonNegative("untrained_changes", untrainedChanges);
    }

    /** A reply that does not count the untrained changes. */
    public ModelsReply(String active, List<ModelSummary> models) {
        this(active, models, null);
    }
}
