package dev.flywheel.model.labelstudio;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A model's prediction for one task: what {@code /predict} returns per task and what tasks carry back.
 *
 * <p>{@code result} is required (Label Studio skips predictions without it); an empty list means "nothing found".
 *
 * @param id prediction id (only when read back from Label Studio)
 * @param result the predicted regions
 * @param score overall confidence, kept in [0, 1] by newer Label Studio validation
 * @param modelVersion the version that made it; equal to the one {@code /setup} returned
 * @param cluster cluster id used by some single-task code paths
 * @param neighbors neighbour ids as sent
 * @param mislabeling mislabeling score
 * @param task task id (when read back)
 * @param project project id (when read back)
 * @param createdAt ISO time as sent
 * @param updatedAt ISO time as sent
 * @param extra properties Flywheel does not model, kept for the round trip
 */
public record Prediction(Long id, List<Region> result, Double score, @JsonProperty("model_version") String modelVersion,
        Integer cluster, List<Object> neighbors, Double mislabeling, Long task, Long project,
        @JsonProperty("created_at") String createdAt, @JsonProperty("updated_at") String updatedAt,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public Prediction {
        result = List.copyOf(Objects.requireNonNull(result, "a prediction needs a result (may be empty)"));
        Copies.finite("score mislabeling", score, mislabeling);
        neighbors = Copies.looseList(neighbors);
        extra = Copies.extra(extra);
    }

    /** A prediction as a backend returns it: regions, score and model version. */
    public static Prediction of(List<Region> result, Double score, String modelVersion) {
        return new Prediction(null, result, score, modelVersion, null, null, null, null, null, null, null, null);
    }
}
