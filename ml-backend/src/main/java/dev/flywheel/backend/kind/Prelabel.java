package dev.flywheel.backend.kind;

import dev.flywheel.model.labelstudio.Prediction;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One image's pre-label: the prediction Label Studio receives and what the served log keeps of it.
 *
 * @param prediction the regions, score and version, as sent
 * @param labels the labels it proposes, for the log and the flywheel figures
 * @param probabilities per label, when the kind has them (label issues read them later)
 * @param embedding the image's embedding, when the version makes one (the drift window keeps it)
 */
public record Prelabel(Prediction prediction, List<String> labels, Optional<Map<String, Double>> probabilities, Optional<float[]> embedding) {

    public Prelabel {
        Objects.requireNonNull(prediction, "prediction");
        labels = List.copyOf(labels);
        Objects.requireNonNull(probabilities, "probabilities");
        Objects.requireNonNull(embedding, "embedding");
    }
}
