package dev.flywheel.backend.prelabel;

import java.util.List;

/** Where served pre-labels are recorded; the store implements it. */
@FunctionalInterface
public interface PredictionLog {

    void record(List<ServedPrediction> predictions);
}
