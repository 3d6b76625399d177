package dev.flywheel.backend.inference;

import java.util.Objects;

/**
 * What the classifier says about one image: calibrated class probabilities in label order, and the embedding the
 * classifier's last layer read them from (for drift tests).
 *
 * @param probabilities one probability per label
 * @param embedding what the last layer read: the built-in network's penultimate activations
 *     ({@link ImageClassifierNet#EMBEDDING_SIZE} values), or a head's input, the backbone's D features
 */
public record ClassifierOutput(float[] probabilities, float[] embedding) {

    public ClassifierOutput {
        probabilities = Objects.requireNonNull(probabilities, "probabilities").clone();
        embedding = Objects.requireNonNull(embedding, "embedding").clone();
    }

    @Override
    public float[] probabilities() {
        return probabilities.clone();
    }

    @Override
    public float[] embedding() {
        return embedding.clone();
    }
}
