package dev.flywheel.backend.labelconfig;

import dev.flywheel.model.api.TaskType;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An immutable description of a Label Studio label config: its object tags, its controls and what Flywheel can serve.
 */
public record LabelConfig(List<ObjectTag> objects, List<ControlTag> controls) {

    /** What Flywheel serves, said in the error Label Studio shows when a config is refused. */
    public static final String SERVED = "an <Image> labeled by <Choices> (image classification) or <RectangleLabels> (object detection)";

    public LabelConfig {
        objects = List.copyOf(objects);
        controls = List.copyOf(controls);
    }

    /**
     * The control Flywheel predicts: a {@code RectangleLabels} on an image first (boxes are where assistance saves the most
     * time), else a {@code Choices} on an image.
     */
    public Optional<ServingTarget> servingTarget() {
        return target("RectangleLabels", TaskType.OBJECT_DETECTION).or(() -> target("Choices", TaskType.IMAGE_CLASSIFICATION));
    }

    public TaskType taskType() {
        return servingTarget().map(ServingTarget::taskType).orElse(TaskType.UNSUPPORTED);
    }

    /** The labels of the served control, in config order; empty for an unsupported config. */
    public List<String> labels() {
        return servingTarget().map(t -> t.control().labelValues()).orElse(List.of());
    }

    /** A short account of the tags found, such as {@code Image(image) + PolygonLabels(label→image)}. */
    public String describe() {
        String objectPart = objects.stream().map(o -> o.type() + "(" + o.name() + ")").collect(Collectors.joining(", "));
        String controlPart = controls.stream()
                .map(c -> c.type() + "(" + c.name() + "→" + String.join(",", c.toNames()) + ")")
                .collect(Collectors.joining(", "));
        if (objectPart.isEmpty() && controlPart.isEmpty()) {
            return "no object or control tags";
        }
        return (objectPart.isEmpty() ? "no object tags" : objectPart) + " + " + (controlPart.isEmpty() ? "no controls" : controlPart);
    }

    private Optional<ServingTarget> target(String controlType, TaskType taskType) {
        for (ControlTag control : controls) {
            if (!control.type().equals(controlType) || control.labels().isEmpty()) {
                continue;
            }
            for (String toName : control.toNames()) {
                Optional<ObjectTag> image = objects.stream().filter(o -> o.isImage() && o.name().equals(toName)).findFirst();
                if (image.isPresent()) {
                    return Optional.of(new ServingTarget(taskType, control, image.get()));
                }
            }
        }
        return Optional.empty();
    }
}
