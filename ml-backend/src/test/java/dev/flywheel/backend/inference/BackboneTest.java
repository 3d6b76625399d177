package dev.flywheel.backend.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.flywheel.backend.config.BackboneConfig;
import dev.flywheel.backend.it.ShapeScenes;
import dev.flywheel.backend.testing.TestModels;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tiny backbones of {@code make_tiny_backbone.py}, loaded through DJL as an operator's file would be. */
class BackboneTest {

    static Backbone load(String name, int inputSize) {
        return Backbone.load(TestModels.backbone(name), inputSize, BackboneConfig.IMAGENET_MEAN, BackboneConfig.IMAGENET_STD, 1);
    }

    @Test
    void theProbeFindsTheFeatureLengthAndTheHashIdentifiesTheFile() throws Exception {
        try (Backbone backbone = load("tiny_backbone.pt", 64)) {
            assertThat(backbone.dimension()).isEqualTo(16);
            assertThat(backbone.sha256()).hasSize(64).isEqualTo(sha256(TestModels.backbone("tiny_backbone.pt")));
            assertThat(backbone.embeddingKey()).matches("[0-9a-f]{16}");
        }
    }

    @Test
    void aPooledOutputGivesTheSameFeaturesAsAFlatOne() {
        List<BufferedImage> images = List.of(ShapeScenes.image(0, new Random(1)), ShapeScenes.image(2, new Random(2)));
        try (Backbone flat = load("tiny_backbone.pt", 64); Backbone pooled = load("tiny_backbone_4d.pt", 64)) {
            List<float[]> a = flat.embed(images);
            List<float[]> b = pooled.embed(images);

            assertThat(pooled.dimension()).isEqualTo(16);
            assertThat(pooled.sha256()).isNotEqualTo(flat.sha256());
            for (int i = 0; i < images.size(); i++) {
                for (int k = 0; k < 16; k++) {
                    assertThat(b.get(i)[k]).isCloseTo(a.get(i)[k], within(1e-5f));
                }
            }
        }
    }

    @Test
    void imagesAreNormalisedWithTheConfiguredMeanAndStd() {
        // Feature 0 is the area of the bright mask, measured on pixels the backbone un-normalises with ImageNet's values:
        // fed with another normalisation, a black image looks bright to it.
        BufferedImage black = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        try (Backbone imagenet = load("tiny_backbone.pt", 32);
                Backbone shifted = Backbone.load(TestModels.backbone("tiny_backbone.pt"), 32, List.of(-2f, -2f, -2f), List.of(1f, 1f, 1f), 1)) {
            assertThat(imagenet.embed(List.of(black)).getFirst()[0]).isLessThan(0.01f);
            assertThat(shifted.embed(List.of(black)).getFirst()[0]).isGreaterThan(0.99f);
            assertThat(shifted.embeddingKey()).isNotEqualTo(imagenet.embeddingKey());
        }
    }

    @Test
    void aFileWithAnotherOutputIsRefusedWithTheShapeItAnswered() {
        Path detector = TestModels.detector("tiny_detector.pt");

        assertThatThrownBy(() -> Backbone.load(detector, 64, BackboneConfig.IMAGENET_MEAN, BackboneConfig.IMAGENET_STD, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must answer [N, D] or [N, D, 1, 1]")
                .hasMessageContaining("7, 5");
    }

    @Test
    void aFileThatIsNoTorchScriptIsRefused(@TempDir Path dir) throws Exception {
        Path junk = Files.writeString(dir.resolve("resnet.pt"), "not a model");

        assertThatThrownBy(() -> Backbone.load(junk, 64, BackboneConfig.IMAGENET_MEAN, BackboneConfig.IMAGENET_STD, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("could not be used as a TorchScript backbone")
                .hasMessageContaining("resnet.pt");
    }

    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
