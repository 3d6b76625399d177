package dev.flywheel.model.api;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;

/** What Flywheel can serve for a project's label config; a value from a newer server reads as {@link #UNSUPPORTED}. */
public enum TaskType {
    /** One {@code <Choices>} over one {@code <Image>}. */
    @JsonProperty("image_classification")
    IMAGE_CLASSIFICATION("image_classification"),
    /** {@code <RectangleLabels>} over one {@code <Image>}. */
    @JsonProperty("object_detection")
    OBJECT_DETECTION("object_detection"),
    /** One {@code <Choices choice="multiple">} over one {@code <Image>}: several tags per image. */
    @JsonProperty("multi_label_classification")
    MULTI_LABEL_CLASSIFICATION("multi_label_classification"),
    /** Anything else. */
    @JsonProperty("unsupported")
    @JsonEnumDefaultValue
    UNSUPPORTED("unsupported");

    private final String wireName;

    TaskType(String wireName) {
        this.wireName = wireName;
    }

    /** The one spelling of the type on the wire and in the backend's store, e.g. {@code image_classification}. */
    public String wireName() {
        return wireName;
    }

    /** The type spelt {@code wireName}; an unknown or missing name is {@link #UNSUPPORTED}, as on the wire. */
    public static TaskType ofWireName(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst().orElse(UNSUPPORTED);
    }
}
