package dev.flywheel.model.labelstudio;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The properties every modelled region carries besides its {@code type} and {@code value}; on the wire they sit
 * beside those two in the region's object.
 *
 * @param id region id; regions that belong together (a box and its per-region text) share it
 * @param fromName the control tag's {@code name}
 * @param toName the object tag's {@code name}
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
public record RegionHeader(String id, @JsonProperty("from_name") String fromName, @JsonProperty("to_name") String toName,
        Double score, @JsonProperty("original_width") Integer originalWidth,
        @JsonProperty("original_height") Integer originalHeight, @JsonProperty("image_rotation") Double imageRotation,
        Boolean readonly, Boolean hidden, @JsonProperty("parentID") String parentId, String origin,
        @JsonProperty("is_positive") Boolean isPositive, Map<String, Object> meta,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public RegionHeader {
        Copies.required("from_name to_name", fromName, toName);
        Copies.finite("score image_rotation", score, imageRotation);
        meta = Copies.map(meta);
        extra = Copies.extra(extra);
    }

    /** The header of a region a model proposes: which control and object it belongs to and how sure the model is. */
    public static RegionHeader of(String fromName, String toName, Double score) {
        return new RegionHeader(null, fromName, toName, score, null, null, null, null, null, null, null, null, null, null);
    }

    /** This header with the region's id and the size of the image it was drawn on, as Label Studio writes boxes. */
    public RegionHeader withImage(String id, Integer originalWidth, Integer originalHeight, Double imageRotation) {
        return new RegionHeader(id, fromName, toName, score, originalWidth, originalHeight, imageRotation, readonly, hidden, parentId, origin,
                isPositive, meta, extra);
    }
}
