package dev.flywheel.model.labelstudio;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.Map;

/**
 * A region of a control type Flywheel does not model (textarea, rating, taxonomy, …), kept with its raw value
 * so it can be stored and written back unchanged.
 *
 * @param type the wire {@code type}, as sent
 * @param value the raw {@code value} object
 * @param extra every other property of the region, as sent
 */
@JsonDeserialize(using = JsonDeserializer.None.class)
public record UnknownRegion(
        String type,
        Map<String, Object> value,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) implements Region {

    public UnknownRegion {
        Copies.required("type", type);
        value = Copies.map(value);
        extra = Copies.extra(extra);
    }

    /** The region id, or null. */
    public String id() {
        return extra.get("id") instanceof String id ? id : null;
    }

    @Override
    public String fromName() {
        return extra.get("from_name") instanceof String name ? name : null;
    }

    /** The object tag's {@code name}, or null. */
    public String toName() {
        return extra.get("to_name") instanceof String name ? name : null;
    }

    /** The region's confidence, or null. */
    public Double score() {
        return extra.get("score") instanceof Number score ? score.doubleValue() : null;
    }
}
