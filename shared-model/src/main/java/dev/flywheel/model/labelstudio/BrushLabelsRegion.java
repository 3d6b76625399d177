package dev.flywheel.model.labelstudio;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;

/**
 * A labelled mask of a {@code <BrushLabels>} tag, run-length encoded the way Label Studio's brush does.
 *
 * <p>Wire {@code type}: {@code brushlabels}.
 *
 * @param header the properties every region carries
 * @param value the control's value
 */
public record BrushLabelsRegion(@JsonUnwrapped RegionHeader header, Value value) implements ModeledRegion {

    public BrushLabelsRegion {
        ModeledRegion.require(header, value, "brushlabels");
    }

    /** The {@code value} object of a {@code brushlabels} region; unknown keys are kept in {@code extra}. */
    public record Value(String format, List<Integer> rle, @JsonProperty("brushlabels") List<String> labels,
            @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) implements RegionValue {

        public Value {
            rle = Copies.list(rle);
            labels = Copies.labels("brushlabels", labels);
            extra = Copies.extra(extra);
        }
    }
}
