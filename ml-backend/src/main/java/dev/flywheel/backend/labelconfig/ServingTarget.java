package dev.flywheel.backend.labelconfig;

import java.util.Objects;

/**
 * The control Flywheel predicts and the image it reads, chosen from a label config by the task kind that serves it.
 *
 * @param control the control whose regions Flywheel returns ({@code from_name})
 * @param image the image object tag the control labels ({@code to_name})
 */
public record ServingTarget(ControlTag control, ObjectTag image) {

    public ServingTarget {
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(image, "image");
    }
}
