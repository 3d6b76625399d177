package dev.flywheel.backend.labelconfig;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A labeling control of a label config, such as {@code <Choices>} or {@code <RectangleLabels>}.
 *
 * @param type the tag name as written; its lower-cased form is the region {@code type} Label Studio expects
 * @param name the control's {@code name}, the {@code from_name} of its regions
 * @param toNames the object tags it labels
 * @param labels its choices or labels in config order
 * @param multiple whether several values may be chosen ({@code choice="multiple"})
 * @param attributes every other attribute, for model settings such as {@code model_score_threshold}
 */
public record ControlTag(
        String type, String name, List<String> toNames, List<LabelValue> labels, boolean multiple, Map<String, String> attributes) {

    public ControlTag {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        toNames = List.copyOf(toNames);
        labels = List.copyOf(labels);
        attributes = Map.copyOf(attributes);
    }

    /** The {@code type} of this control's result regions. */
    String resultType() {
        return type.toLowerCase(Locale.ROOT);
    }

    /** Distinct label values in config order. */
    public List<String> labelValues() {
        return List.copyOf(new LinkedHashSet<>(labels.stream().map(LabelValue::value).toList()));
    }

    /** Model class name → label, from {@code predicted_values}; every label also maps to itself. */
    public Map<String, String> modelClassToLabel() {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (LabelValue label : labels) {
            map.putIfAbsent(label.value(), label.value());
            for (String predicted : label.predictedValues()) {
                map.putIfAbsent(predicted, label.value());
            }
        }
        return Map.copyOf(map);
    }

    public Optional<Double> doubleAttribute(String key) {
        String raw = attributes.get(key);
        if (raw == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Double.parseDouble(raw.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
