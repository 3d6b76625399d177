package dev.flywheel.model.labelstudio;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;

/**
 * A labelled point of a {@code <KeyPointLabels>} tag; width is the point size in percent.
 *
 * <p>Wire {@code type}: {@code keypointlabels}.
 *
 * @param header the properties every region carries
 * @param value the control's value
 */
public record KeyPointLabelsRegion(@JsonUnwrapped RegionHeader header, Value value) implements ModeledRegion {

    public KeyPointLabelsRegion {
        ModeledRegion.require(header, value, "keypointlabels");
    }

    /** The {@code value} object of a {@code keypointlabels} region; unknown keys are kept in {@code extra}. */
    public record Value(Double x, Double y, Double width, @JsonProperty("keypointlabels") List<String> labels,
            @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) implements RegionValue {

        public Value {
            Copies.finite("x y width", x, y, width);
            labels = Copies.labels("keypointlabels", labels);
            extra = Copies.extra(extra);
        }
    }
}
