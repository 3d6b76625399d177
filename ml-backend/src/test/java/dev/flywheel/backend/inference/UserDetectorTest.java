package dev.flywheel.backend.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.flywheel.backend.testing.TestModels;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tiny detectors of {@code make_tiny_detector.py}, loaded through DJL as an operator's file would be. */
class UserDetectorTest {

    /** 128x96, dark, with a white 40x20 rectangle whose top-left corner is at (20, 30). */
    static BufferedImage scene() {
        BufferedImage image = new BufferedImage(128, 96, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(20, 20, 20));
        g.fillRect(0, 0, 128, 96);
        g.setColor(Color.WHITE);
        g.fillRect(20, 30, 40, 20);
        g.dispose();
        return image;
    }

    @ParameterizedTest
    @ValueSource(strings = {"tiny_detector.pt", "tiny_detector.onnx"})
    void aTorchScriptOrOnnxDetectorFindsBoxesInImagePixels(String file) {
        try (Detector detector = UserDetector.load(TestModels.detector(file), TestModels.detector("tiny_detector.names"), 64, 1)) {
            assertThat(detector.version()).matches("detector-[0-9a-f]{8}");
            assertThat(detector.classes()).containsExactly("car", "person", "zebra");

            List<Detection> found = detector.detect(List.of(scene())).getFirst();

            Detection car = found.stream().filter(d -> d.label().equals("car") && d.score() > 0.8).findFirst().orElseThrow();
            assertThat(car.box().left()).isCloseTo(20, within(2.0));
            assertThat(car.box().top()).isCloseTo(30, within(2.0));
            assertThat(car.box().width()).isCloseTo(40, within(3.0));
            assertThat(car.box().height()).isCloseTo(20, within(3.0));
            // The fixed person box: centre (16,16), 8x8 in the 64-pixel input, 8 grey rows above the image.
            Detection person = found.stream().filter(d -> d.label().equals("person") && d.score() > 0.5).findFirst().orElseThrow();
            assertThat(person.box()).isEqualTo(new PixelBox(24, 8, 16, 16));
            assertThat(found).extracting(Detection::label).containsExactly("car", "car", "person", "zebra", "person");
        }
    }
}
