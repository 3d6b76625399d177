package dev.flywheel.model.api;

/**
 * The {@code 202} reply of {@code POST /api/v1/projects/{project}/train}: the queued version.
 *
 * @param version the version being trained
 * @param status {@code queued} when accepted
 */
public record TrainReply(String version, ModelStatus status) {

    public TrainReply {
        Checks.required("version status", version, status);
    }
}
