package dev.flywheel.model.labelstudio;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;

/**
 * The labels of a {@code <Labels>} tag: a text span, or labels for a {@link RectangleRegion} sharing its id.
 *
 * <p>Wire {@code type}: {@code labels}.
 *
 * @param header the properties every region carries
 * @param value the control's value
 */
public record LabelsRegion(@JsonUnwrapped RegionHeader header, Value value) implements ModeledRegion {

    public LabelsRegion {
        ModeledRegion.require(header, value, "labels");
    }

    /** The {@code value} object of a {@code labels} region; unknown keys are kept in {@code extra}. */
    public record Value(Double x, Double y, Double width, Double height, Double rotation, String text,
            @JsonProperty("labels") List<String> labels,
            @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) implements RegionValue {

        public Value {
            Copies.finite("x y width height rotation", x, y, width, height, rotation);
            labels = Copies.labels("labels", labels);
            extra = Copies.extra(extra);
        }
    }
}
