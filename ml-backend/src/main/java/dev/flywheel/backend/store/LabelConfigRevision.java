package dev.flywheel.backend.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One label config a project has had, kept so older model versions can still name their label set.
 *
 * @param projectId the project
 * @param revision 1, 2, … in the order the configs arrived
 * @param labelConfig the label config XML
 * @param labels its label values, in config order
 * @param taskType the task type Flywheel derived from it
 * @param createdAt when Flywheel stored this revision
 */
record LabelConfigRevision(
        long projectId, int revision, String labelConfig, List<String> labels, String taskType, Instant createdAt) {

    public LabelConfigRevision {
        Objects.requireNonNull(labelConfig, "labelConfig");
        labels = List.copyOf(labels);
        Objects.requireNonNull(taskType, "taskType");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
