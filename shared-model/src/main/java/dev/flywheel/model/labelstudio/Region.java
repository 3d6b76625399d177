package dev.flywheel.model.labelstudio;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;
import java.util.Map;

/**
 * One item of a {@code result} array: a region (or answer) produced by one control tag, dispatched on its
 * {@code type}; a type Flywheel does not model is read as an {@link UnknownRegion} rather than rejected.
 */
@JsonDeserialize(using = RegionDeserializer.class)
public sealed interface Region
        permits ChoicesRegion, RectangleLabelsRegion, RectangleRegion, LabelsRegion, PolygonLabelsRegion,
                KeyPointLabelsRegion, BrushLabelsRegion, EllipseLabelsRegion, UnknownRegion {

    /** The wire {@code type}: the control tag's name, lower-cased. */
    String type();

    /** The region id, or null. */
    String id();

    /** The control tag's {@code name}. */
    String fromName();

    /** The object tag's {@code name}. */
    String toName();

    /** The region's confidence, or null. */
    Double score();

    /** Properties Flywheel does not model, as sent. */
    Map<String, Object> extra();

    /** The label values this region carries (empty for geometry-only or unknown regions). */
    default List<String> labels() {
        return List.of();
    }
}
