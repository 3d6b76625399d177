package dev.flywheel.backend.labelconfig;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * An immutable description of a Label Studio label config: its object tags and its controls.
 */
public record LabelConfig(List<ObjectTag> objects, List<ControlTag> controls) {

    public LabelConfig {
        objects = List.copyOf(objects);
        controls = List.copyOf(controls);
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

    /**
     * The first control of {@code controlType} that has labels, accepts {@code accept} and labels an image, with that
     * image: what a task kind predicts when it serves this config.
     */
    public Optional<ServingTarget> onImage(String controlType, Predicate<ControlTag> accept) {
        for (ControlTag control : controls) {
            if (!control.type().equals(controlType) || control.labels().isEmpty() || !accept.test(control)) {
                continue;
            }
            for (String toName : control.toNames()) {
                Optional<ObjectTag> image = objects.stream().filter(o -> o.isImage() && o.name().equals(toName)).findFirst();
                if (image.isPresent()) {
                    return Optional.of(new ServingTarget(control, image.get()));
                }
            }
        }
        return Optional.empty();
    }
}
