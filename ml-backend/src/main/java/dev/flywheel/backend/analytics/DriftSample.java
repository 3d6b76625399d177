package dev.flywheel.backend.analytics;

import java.util.List;

/**
 * The inputs of one side of a drift test: image embeddings (may be empty when none were stored) and per-image
 * features.
 *
 * @param embeddings one vector per image, all of one dimension
 * @param features one entry per image
 */
public record DriftSample(List<double[]> embeddings, List<ImageFeatures> features) {

    public DriftSample {
        embeddings = embeddings.stream().map(double[]::clone).toList();
        features = List.copyOf(features);
    }

    @Override
    public List<double[]> embeddings() {
        return embeddings.stream().map(double[]::clone).toList();
    }

    double[][] embeddingMatrix() {
        return embeddings.toArray(double[][]::new);
    }

    double[] feature(String name) {
        return features.stream().mapToDouble(f -> f.asMap().get(name)).toArray();
    }
}
