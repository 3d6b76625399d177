package dev.flywheel.backend.prelabeljob;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.flywheel.model.labelstudio.Region;
import java.util.List;

/**
 * Writes predictions with Label Studio's bulk import ({@code POST /api/projects/{id}/import/predictions}, a list of
 * {@code {task, result, score, model_version}}, answered {@code 201 {"created": n}}): one request per batch, each
 * prediction tagged with its version (Label Studio's "predictions of this version" filter) and its score (the sort by
 * prediction score).
 */
final class LabelStudioPredictionSink implements PredictionSink {

    private final LabelStudioCalls calls;

    LabelStudioPredictionSink(LabelStudioCalls calls) {
        this.calls = calls;
    }

    @Override
    public void write(long project, List<TaskPrediction> predictions) {
        if (predictions.isEmpty()) {
            return;
        }
        List<Imported> body = predictions.stream().map(p -> new Imported(p.task(), p.prediction().result(),
                p.prediction().score() == null ? 0.0 : p.prediction().score(), p.prediction().modelVersion())).toList();
        byte[] json;
        try {
            json = calls.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("predictions could not be written as JSON", e);
        }
        calls.post("/api/projects/" + project + "/import/predictions", json,
                "importing " + predictions.size() + " prediction(s) into project " + project);
    }

    /** One element of the import: exactly the fields Label Studio's import takes. */
    private record Imported(long task, List<Region> result, double score, @JsonProperty("model_version") String modelVersion) {}
}
