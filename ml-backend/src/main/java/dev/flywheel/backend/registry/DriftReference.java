package dev.flywheel.backend.registry;

import dev.flywheel.backend.analytics.ImageFeatures;
import java.util.List;
import java.util.Objects;

/**
 * The reference side of a version's drift test: a seeded sample of the images it was trained on, as the version
 * embeds them and as they measured before resizing. Written into the version's folder before publish, so it is as
 * immutable as the version.
 *
 * @param version the version whose embeddings these are
 * @param embeddings one vector per sampled image, all of one length
 * @param features one entry per sampled image, measured on the original decoded image
 */
public record DriftReference(String version, List<float[]> embeddings, List<ImageFeatures> features) {

    /** The file name inside a version folder. */
    public static final String FILE_NAME = "reference.json";

    public DriftReference {
        Objects.requireNonNull(version, "version");
        embeddings = embeddings.stream().map(float[]::clone).toList();
        features = List.copyOf(features);
        if (embeddings.stream().mapToInt(e -> e.length).distinct().count() > 1) {
            throw new IllegalArgumentException("embeddings of one reference must share one length");
        }
    }

    @Override
    public List<float[]> embeddings() {
        return embeddings.stream().map(float[]::clone).toList();
    }
}
