package dev.flywheel.model.labelstudio;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;

/**
 * A labelled polygon of a {@code <PolygonLabels>} tag; points are {@code [x, y]} pairs in percent.
 *
 * <p>Wire {@code type}: {@code polygonlabels}.
 *
 * @param header the properties every region carries
 * @param value the control's value
 */
public record PolygonLabelsRegion(@JsonUnwrapped RegionHeader header, Value value) implements ModeledRegion {

    public PolygonLabelsRegion {
        ModeledRegion.require(header, value, "polygonlabels");
    }

    /** The {@code value} object of a {@code polygonlabels} region; unknown keys are kept in {@code extra}. */
    public record Value(List<List<Double>> points, Boolean closed, @JsonProperty("polygonlabels") List<String> labels,
            @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) implements RegionValue {

        public Value {
            points = Copies.points(points);
            labels = Copies.labels("polygonlabels", labels);
            extra = Copies.extra(extra);
        }
    }
}
