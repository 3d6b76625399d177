package dev.flywheel.model.labelstudio;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * A region of a control Flywheel models: a {@link RegionHeader}, shared by all of them, and a {@code value} of the
 * control's own shape. The header's properties are written beside {@code type} and {@code value}, as Label Studio
 * sends them; {@link RegionDeserializer} reads them back apart.
 */
public sealed interface ModeledRegion extends Region
        permits ChoicesRegion, RectangleLabelsRegion, RectangleRegion, LabelsRegion, PolygonLabelsRegion, KeyPointLabelsRegion,
                BrushLabelsRegion, EllipseLabelsRegion {

    /** What every region carries. */
    RegionHeader header();

    /** The control's value: labels and, for shapes, geometry. */
    RegionValue value();

    @Override
    @JsonProperty(value = "type", access = JsonProperty.Access.READ_ONLY)
    default String type() {
        return RegionDeserializer.typeOf(this);
    }

    @Override
    default List<String> labels() {
        return value().labels();
    }

    @Override
    default String fromName() {
        return header().fromName();
    }

    /** The checks a region's constructor makes: both parts present, or an error naming the region's type. */
    static void require(RegionHeader header, RegionValue value, String type) {
        Objects.requireNonNull(header, type + " region needs from_name and to_name");
        Objects.requireNonNull(value, type + " region needs a value");
    }
}
