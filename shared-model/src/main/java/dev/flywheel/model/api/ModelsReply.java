package dev.flywheel.model.api;

import java.util.List;

/**
 * The reply of {@code GET /api/v1/projects/{project}/models}, newest first.
 *
 * @param active the active version, or null
 * @param models the versions
 */
public record ModelsReply(String active, List<ModelSummary> models) {

    public ModelsReply {
        models = Checks.list(models);
    }
}
