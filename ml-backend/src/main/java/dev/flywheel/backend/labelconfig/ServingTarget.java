package dev.flywheel.backend.labelconfig;

import dev.flywheel.model.api.TaskType;
import java.util.Objects;

/**
 * The control Flywheel predicts and the image it reads, chosen from a label config.
 *
 * @param taskType what kind of prediction the control takes
 * @param control the control whose regions Flywheel returns ({@code from_name})
 * @param image the image object tag the control labels ({@code to_name})
 */
public record ServingTarget(TaskType taskType, ControlTag control, ObjectTag image) {

    public ServingTarget {
        Objects.requireNonNull(taskType, "taskType");
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(image, "image");
        if (taskType == TaskType.UNSUPPORTED) {
            throw new IllegalArgumentException("an unsupported config has no serving target");
        }
    }
}
