package dev.flywheel.backend.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ImageFeaturesTest {

    @Test
    void halfBlackHalfWhiteHasMidBrightnessAndMaximalContrast() {
        BufferedImage image = new BufferedImage(4, 2, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 2; y++) {
            image.setRGB(2, y, 0xffffff);
            image.setRGB(3, y, 0xffffff);
        }

        ImageFeatures features = ImageFeatures.of(image);

        assertThat(features.brightness()).isCloseTo(0.5, offset(1e-9));
        assertThat(features.contrast()).isCloseTo(0.5, offset(1e-9));
        assertThat(features.width()).isEqualTo(4);
        assertThat(features.height()).isEqualTo(2);
        assertThat(features.aspectRatio()).isEqualTo(2);
    }

    @Test
    void brightnessWeighsGreenMoreThanRedAndRedMoreThanBlue() {
        assertThat(ImageFeatures.of(solid(0x00ff00)).brightness()).isCloseTo(0.587, offset(1e-9));
        assertThat(ImageFeatures.of(solid(0xff0000)).brightness()).isCloseTo(0.299, offset(1e-9));
        assertThat(ImageFeatures.of(solid(0x0000ff)).brightness()).isCloseTo(0.114, offset(1e-9));
        assertThat(ImageFeatures.of(solid(0x0000ff)).contrast()).isZero();
    }

    private static BufferedImage solid(int rgb) {
        BufferedImage image = new BufferedImage(3, 3, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 3; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }
}
