package dev.flywheel.model.labelstudio;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Map;

/**
 * The geometry of a {@code <Rectangle>} tag; its labels travel in a {@link LabelsRegion} with the same id.
 *
 * <p>Wire {@code type}: {@code rectangle}.
 *
 * @param header the properties every region carries
 * @param value the control's value
 */
public record RectangleRegion(@JsonUnwrapped RegionHeader header, Value value) implements ModeledRegion {

    public RectangleRegion {
        ModeledRegion.require(header, value, "rectangle");
    }

    /** The {@code value} object of a {@code rectangle} region; unknown keys are kept in {@code extra}. */
    public record Value(Double x, Double y, Double width, Double height, Double rotation,
            @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) implements RegionValue {

        public Value {
            Copies.finite("x y width height rotation", x, y, width, height, rotation);
            extra = Copies.extra(extra);
        }
    }
}
