package dev.flywheel.backend.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A stored project: its current label config and label set, and the model version that serves it.
 *
 * @param definition what Label Studio last told us
 * @param configRevision 1 for the first label config, one more for every change of it
 * @param activeVersion the model version predictions come from, when one is active
 * @param createdAt when Flywheel first heard of the project
 * @param updatedAt when the stored definition last changed
 */
public record Project(
        ProjectDefinition definition,
        int configRevision,
        Optional<String> activeVersion,
        Instant createdAt,
        Instant updatedAt) {

    public Project {
        Required.components("definition activeVersion createdAt updatedAt", definition, activeVersion, createdAt, updatedAt);
    }

    public long id() {
        return definition.id();
    }

    public List<String> labels() {
        return definition.labels();
    }
}
