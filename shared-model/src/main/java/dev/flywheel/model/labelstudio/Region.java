package dev.flywheel.model.labelstudio;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;

/**
 * One item of a {@code result} array: a region (or answer) produced by one control tag, dispatched on its
 * {@code type}; a type Flywheel does not model is read as an {@link UnknownRegion} rather than rejected.
 */
@JsonDeserialize(using = RegionDeserializer.class)
public sealed interface Region permits ModeledRegion, UnknownRegion {

    /** The wire {@code type}: the control tag's name, lower-cased. */
    String type();

    /** The control tag's {@code name}. */
    String fromName();

    /** The label values this region carries (empty for geometry-only or unknown regions). */
    default List<String> labels() {
        return List.of();
    }
}
