package dev.flywheel.backend.insights;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.backend.store.ServedPrediction;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/** Reads the probabilities a served pre-label was logged with, for ordering tasks by uncertainty. */
final class ServedProbabilities {

    private static final TypeReference<Map<String, Double>> PROBABILITIES = new TypeReference<>() {};

    private final ObjectMapper mapper;

    ServedProbabilities(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A served prediction's probabilities, in whatever label order it was served; empty when it has none. */
    Optional<double[]> values(ServedPrediction served) {
        return served.probabilitiesJson().flatMap(json -> {
            try {
                return Optional.of(mapper.readValue(json, PROBABILITIES).values().stream().mapToDouble(Double::doubleValue).toArray());
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }
}
