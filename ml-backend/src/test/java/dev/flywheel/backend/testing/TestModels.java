package dev.flywheel.backend.testing;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;

/**
 * The tiny TorchScript and ONNX models under {@code src/test/resources} (made by {@code make_tiny_detector.py} and
 * {@code make_tiny_backbone.py}), as files and as the variables an operator would name them with.
 */
public final class TestModels {

    /** The input size the tiny models were traced at. */
    public static final String INPUT_SIZE = "64";

    private TestModels() {}

    /** A file of {@code src/test/resources/detector/}. */
    public static Path detector(String file) {
        return resource("/detector/" + file);
    }

    /** A file of {@code src/test/resources/backbone/}. */
    public static Path backbone(String file) {
        return resource("/backbone/" + file);
    }

    /** {@code FLYWHEEL_DETECTOR} set to the tiny TorchScript detector, at its input size. */
    public static Map<String, String> detectorEnv() {
        return Map.of("FLYWHEEL_DETECTOR", detector("tiny_detector.pt").toString(), "FLYWHEEL_DETECTOR_INPUT_SIZE", INPUT_SIZE);
    }

    /** {@code FLYWHEEL_BACKBONE} set to one of the tiny backbones, at its input size. */
    public static Map<String, String> backboneEnv(String file) {
        return Map.of("FLYWHEEL_BACKBONE", backbone(file).toString(), "FLYWHEEL_BACKBONE_INPUT_SIZE", INPUT_SIZE);
    }

    private static Path resource(String name) {
        URL url = TestModels.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException(name + " is not on the test class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
