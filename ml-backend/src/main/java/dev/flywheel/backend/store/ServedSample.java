package dev.flywheel.backend.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One image {@code /predict} classified, as the drift test sees it: the serving version's embedding of it and the
 * original image's features.
 *
 * @param projectId the project
 * @param modelVersion the version that served it
 * @param servedAt when it was served
 * @param embedding the version's embedding of the image
 * @param brightness mean luma in [0, 1]
 * @param contrast standard deviation of luma
 * @param width pixels of the original
 * @param height pixels of the original
 * @param aspectRatio width over height
 * @param taskId the task it was served for, when {@code /predict} sent one
 * @param imageRef the task's image reference as sent, when known
 */
public record ServedSample(
        long projectId,
        String modelVersion,
        Instant servedAt,
        float[] embedding,
        double brightness,
        double contrast,
        double width,
        double height,
        double aspectRatio,
        Optional<Long> taskId,
        Optional<String> imageRef) {

    public ServedSample {
        Objects.requireNonNull(modelVersion, "modelVersion");
        Objects.requireNonNull(servedAt, "servedAt");
        embedding = Objects.requireNonNull(embedding, "embedding").clone();
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(imageRef, "imageRef");
    }

    /** A sample of an image served without a task. */
    public ServedSample(long projectId, String modelVersion, Instant servedAt, float[] embedding, double brightness,
            double contrast, double width, double height, double aspectRatio) {
        this(projectId, modelVersion, servedAt, embedding, brightness, contrast, width, height, aspectRatio, Optional.empty(),
                Optional.empty());
    }

    @Override
    public float[] embedding() {
        return embedding.clone();
    }
}
