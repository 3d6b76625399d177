package dev.flywheel.model.labelstudio;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;

/**
 * A classification answer of a {@code <Choices>} tag.
 *
 * <p>Wire {@code type}: {@code choices}.
 *
 * @param header the properties every region carries
 * @param value the control's value
 */
public record ChoicesRegion(@JsonUnwrapped RegionHeader header, Value value) implements ModeledRegion {

    public ChoicesRegion {
        ModeledRegion.require(header, value, "choices");
    }

    /** The {@code value} object of a {@code choices} region; unknown keys are kept in {@code extra}. */
    public record Value(@JsonProperty("choices") List<String> labels,
            @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) implements RegionValue {

        public Value {
            labels = Copies.labels("choices", labels);
            extra = Copies.extra(extra);
        }
    }
}
