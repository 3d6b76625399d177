package dev.flywheel.backend.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A Label Studio task as stored: its raw data and the image it points at.
 *
 * @param projectId the project
 * @param id Label Studio's task id
 * @param dataJson the task's {@code data} object, verbatim as Label Studio sent it
 * @param imageRef the image URL or path taken from the data, when the task has one
 * @param createdAt when Label Studio created the task
 * @param deleted whether Label Studio deleted it; deleted tasks and their annotations are never trained on
 */
public record Task(long projectId, long id, String dataJson, Optional<String> imageRef, Instant createdAt,
        boolean deleted) {

    public Task {
        Objects.requireNonNull(dataJson, "dataJson");
        Objects.requireNonNull(imageRef, "imageRef");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
