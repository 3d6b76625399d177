package dev.flywheel.model.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The reply of {@code GET /api/v1/projects/{project}/flywheel}: how much each version's pre-labels saved.
 *
 * @param versions one entry per version that pre-labelled
 * @param withoutPrelabel effort on tasks without pre-labels
 */
public record FlywheelReply(List<VersionSavings> versions, @JsonProperty("without_prelabel") BaselineEffort withoutPrelabel) {

    public FlywheelReply {
        versions = Checks.list(versions);
    }
}
