package dev.flywheel.model.labelstudio;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;

/**
 * A labelled ellipse of an {@code <EllipseLabels>} tag, in percent of the image.
 *
 * <p>Wire {@code type}: {@code ellipselabels}.
 *
 * @param header the properties every region carries
 * @param value the control's value
 */
public record EllipseLabelsRegion(@JsonUnwrapped RegionHeader header, Value value) implements ModeledRegion {

    public EllipseLabelsRegion {
        ModeledRegion.require(header, value, "ellipselabels");
    }

    /** The {@code value} object of a {@code ellipselabels} region; unknown keys are kept in {@code extra}. */
    public record Value(Double x, Double y, Double radiusX, Double radiusY, Double rotation,
            @JsonProperty("ellipselabels") List<String> labels,
            @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) implements RegionValue {

        public Value {
            Copies.finite("x y radiusX radiusY rotation", x, y, radiusX, radiusY, rotation);
            labels = Copies.labels("ellipselabels", labels);
            extra = Copies.extra(extra);
        }
    }
}
