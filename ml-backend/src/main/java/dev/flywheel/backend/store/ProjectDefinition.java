package dev.flywheel.backend.store;

import java.util.List;
import java.util.Objects;

/**
 * What Label Studio tells us about a project, as parsed from its label config by the caller.
 *
 * @param id Label Studio's numeric project id
 * @param title the project title
 * @param labelConfig the label config XML, verbatim
 * @param labels the label values of the config, in config order
 * @param taskType the task type Flywheel serves for this config, e.g. {@code image_classification}
 */
public record ProjectDefinition(long id, String title, String labelConfig, List<String> labels, String taskType) {

    public ProjectDefinition {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(labelConfig, "labelConfig");
        labels = List.copyOf(labels);
        Objects.requireNonNull(taskType, "taskType");
    }
}
