package dev.flywheel.model.labelstudio;

import java.util.List;

/** The {@code value} of a modelled region: its control's labels and, for shapes, geometry. */
public interface RegionValue {

    /** The label values it carries (empty for geometry-only regions). */
    default List<String> labels() {
        return List.of();
    }
}
