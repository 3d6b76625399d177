package dev.flywheel.backend.inference;

import java.awt.image.BufferedImage;
import java.util.List;

/** Finds objects in images; one implementation per model source (user-supplied file, built-in trained version). */
public interface Detector extends AutoCloseable {

    /** The version string Label Studio sees from {@code /setup} and on every prediction this detector makes. */
    String version();

    /** The detector's class names, in output order. */
    List<String> classes();

    /** Detections per image, in the order given, boxes in pixels of each image as passed. */
    List<List<Detection>> detect(List<BufferedImage> images);

    @Override
    void close();
}
