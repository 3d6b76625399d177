package dev.flywheel.backend.labelconfig;

import java.util.Objects;

/**
 * A data-bearing tag of a label config, such as {@code <Image name="image" value="$image"/>}.
 *
 * @param type the tag name as written ({@code Image}, {@code Text}, ...)
 * @param name the tag's {@code name}, which controls point at with {@code toName}
 * @param dataKey the task-data key the tag reads ({@code image} for {@code $image})
 */
public record ObjectTag(String type, String name, String dataKey) {

    public ObjectTag {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataKey, "dataKey");
    }

    boolean isImage() {
        return "Image".equals(type);
    }
}
