package dev.flywheel.model.api;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** What Flywheel can serve for a project's label config; a value from a newer server reads as {@link #UNSUPPORTED}. */
public enum TaskType {
    /** One {@code <Choices>} over one {@code <Image>}. */
    @JsonProperty("image_classification")
    IMAGE_CLASSIFICATION,
    /** {@code <RectangleLabels>} over one {@code <Image>}. */
    @JsonProperty("object_detection")
    OBJECT_DETECTION,
    /** Anything else. */
    @JsonProperty("unsupported")
    @JsonEnumDefaultValue
    UNSUPPORTED
}
