package dev.flywheel.backend.labelconfig;

import java.util.List;
import java.util.Objects;

/**
 * One {@code <Choice>} or {@code <Label>} of a control.
 *
 * @param value the label exactly as Label Studio stores it in results
 * @param predictedValues model class names that map to this label ({@code predicted_values="car, truck"}); empty when unset
 */
record LabelValue(String value, List<String> predictedValues) {

    public LabelValue {
        Objects.requireNonNull(value, "value");
        predictedValues = List.copyOf(predictedValues);
    }
}
