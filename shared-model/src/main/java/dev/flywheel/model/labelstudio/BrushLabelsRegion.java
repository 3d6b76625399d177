package dev.flywheel.model.labelstudio;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A labelled mask of a {@code <BrushLabels>} tag, run-length encoded the way Label Studio's brush does.
 *
 * <p>Wire {@code type}: {@value #TYPE}.
 *
 * @param id region id; regions that belong together (a box and its per-region text) share it
 * @param fromName the control tag's {@code name}
 * @param toName the object tag's {@code name}
 * @param value the control's value
 * @param score region confidence in [0, 1]
 * @param originalWidth image width in pixels
 * @param originalHeight image height in pixels
 * @param imageRotation image rotation in degrees
 * @param readonly whether the region is locked in the editor
 * @param hidden whether the region is hidden in the editor
 * @param parentId id of the region this one belongs to (JSON {@code parentID})
 * @param origin {@code "manual"}, {@code "prediction"}, … as Label Studio records it
 * @param isPositive false for negative interactive keypoints (Alt held)
 * @param meta free-form region metadata
 * @param extra properties Flywheel does not model, kept for the round trip
 */
@JsonDeserialize(using = JsonDeserializer.None.class)
public record BrushLabelsRegion(
        String id,
        @JsonProperty("from_name") String fromName,
        @JsonProperty("to_name") String toName,
        Value value,
        Double score,
        @JsonProperty("original_width") Integer originalWidth,
        @JsonProperty("original_height") Integer originalHeight,
        @JsonProperty("image_rotation") Double imageRotation,
        Boolean readonly,
        Boolean hidden,
        @JsonProperty("parentID") String parentId,
        String origin,
        @JsonProperty("is_positive") Boolean isPositive,
        Map<String, Object> meta,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) implements Region {

    /** The {@code type} Label Studio writes for this control. */
    public static final String TYPE = "brushlabels";

    public BrushLabelsRegion {
        Objects.requireNonNull(value, "brushlabels region needs a value");
        RegionChecks.check(fromName, toName, score, imageRotation);
        meta = Copies.map(meta);
        extra = Copies.extra(extra);
    }

    @Override
    @JsonProperty(value = "type", access = JsonProperty.Access.READ_ONLY)
    public String type() {
        return TYPE;
    }

    @Override
    public List<String> labels() {
        return value.brushlabels();
    }

    /** The {@code value} object of a {@code brushlabels} region; unknown keys are kept in {@code extra}. */
    public record Value(
            String format,
            List<Integer> rle,
            List<String> brushlabels,
            @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

        public Value {
            rle = Copies.list(rle);
            brushlabels = List.copyOf(Objects.requireNonNull(brushlabels, "brushlabels.brushlabels"));
            extra = Copies.extra(extra);
        }
    }
}
