package dev.flywheel.model.labelstudio;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;

/**
 * A labelled box of a {@code <RectangleLabels>} tag, in percent of the image; x, y is the top-left corner.
 *
 * <p>Wire {@code type}: {@code rectanglelabels}.
 *
 * @param header the properties every region carries
 * @param value the control's value
 */
public record RectangleLabelsRegion(@JsonUnwrapped RegionHeader header, Value value) implements ModeledRegion {

    public RectangleLabelsRegion {
        ModeledRegion.require(header, value, "rectanglelabels");
    }

    /** The {@code value} object of a {@code rectanglelabels} region; unknown keys are kept in {@code extra}. */
    public record Value(Double x, Double y, Double width, Double height, Double rotation,
            @JsonProperty("rectanglelabels") List<String> labels,
            @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) implements RegionValue {

        public Value {
            Copies.finite("x y width height rotation", x, y, width, height, rotation);
            labels = Copies.labels("rectanglelabels", labels);
            extra = Copies.extra(extra);
        }
    }
}
