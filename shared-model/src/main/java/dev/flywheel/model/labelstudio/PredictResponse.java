package dev.flywheel.model.labelstudio;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The reply to {@code /predict}: one entry per task in request order, each one prediction or (LS ≥≈1.13) a list.
 *
 * @param results the entries, required; interactive calls use only {@code results[0]}, which must be one prediction
 * @param modelVersion legacy top-level version; send the {@code /setup} version here and in every prediction
 * @param extra properties Flywheel does not model, kept for the round trip
 */
public record PredictResponse(List<OneOrMany<Prediction>> results, @JsonProperty("model_version") String modelVersion,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public PredictResponse {
        results = List.copyOf(Objects.requireNonNull(results, "a predict reply needs results"));
        extra = Copies.extra(extra);
    }

    /** The usual reply: exactly one prediction per task. */
    public static PredictResponse of(List<Prediction> predictions, String modelVersion) {
        return new PredictResponse(predictions.stream().map(OneOrMany::one).toList(), modelVersion, null);
    }

    /** Every prediction, flattened in order. */
    public List<Prediction> predictions() {
        return results.stream().flatMap(entry -> entry.items().stream()).toList();
    }
}
