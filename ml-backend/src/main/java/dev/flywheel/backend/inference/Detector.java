package dev.flywheel.backend.inference;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A detector in memory: its version, class names and predictor pool, whichever file it came from (a built-in trained
 * version, see {@link LoadedDetector}, or the operator's, see {@link UserDetector}). Closing it closes the model.
 */
public final class Detector implements AutoCloseable {

    private final String version;
    private final List<String> classes;
    private final PredictorPool<BufferedImage, List<Detection>> pool;

    Detector(String version, List<String> classes, PredictorPool<BufferedImage, List<Detection>> pool) {
        this.version = version;
        this.classes = List.copyOf(classes);
        this.pool = pool;
    }

    /** The version string Label Studio sees from {@code /setup} and on every prediction this detector makes. */
    public String version() {
        return version;
    }

    /** The detector's class names, in output order. */
    public List<String> classes() {
        return classes;
    }

    /** Detections per image, in the order given, boxes in pixels of each image as passed. */
    public List<List<Detection>> detect(List<BufferedImage> images) {
        return pool.predict(images);
    }

    @Override
    public void close() {
        pool.close();
    }
}
