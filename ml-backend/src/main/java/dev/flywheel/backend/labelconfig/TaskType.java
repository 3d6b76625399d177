package dev.flywheel.backend.labelconfig;

/** The kinds of labeling project Flywheel serves, with their wire names in the insights API. */
public enum TaskType {
    IMAGE_CLASSIFICATION("image_classification"),
    OBJECT_DETECTION("object_detection"),
    UNSUPPORTED("unsupported");

    private final String wireName;

    TaskType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
