package dev.flywheel.backend.inference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.backend.registry.ModelRegistry;
import dev.flywheel.model.json.FlywheelJson;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifierEmbeddingTest {

    @TempDir
    Path home;

    @Test
    void oneForwardPassGivesProbabilitiesAndAnEmbeddingPerImageThatTellsImagesApart() throws Exception {
        ModelRegistry registry = new ModelRegistry(home, FlywheelJson.newMapper());
        ModelManifest manifest = RandomClassifiers.publish(registry, 3, "v1-e", List.of("a", "b"), 32, 1.0);

        try (LoadedClassifier classifier = LoadedClassifier.load(registry.versionDir(3, "v1-e"), manifest, 1)) {
            List<ClassifierOutput> outputs = classifier.predict(List.of(image(Color.BLACK, 40, 30), image(Color.WHITE, 40, 30)));

            assertThat(outputs).hasSize(2).allSatisfy(o -> {
                assertThat(o.probabilities()).hasSize(2);
                assertThat(o.embedding()).hasSize(ImageClassifierNet.EMBEDDING_SIZE);
            });
            assertThat(outputs.get(0).embedding()).isNotEqualTo(outputs.get(1).embedding());
            assertThat(outputs.get(0).probabilities())
                    .containsExactly(classifier.classify(List.of(image(Color.BLACK, 40, 30))).getFirst(), org.assertj.core.data.Offset.offset(1e-5f));
        }
    }

    @Test
    void trainingBytesAndTheDecodedImageGiveTheSameEmbedding() throws Exception {
        ModelRegistry registry = new ModelRegistry(home, FlywheelJson.newMapper());
        ModelManifest manifest = RandomClassifiers.publish(registry, 3, "v1-f", List.of("a", "b"), 32, 1.0);
        BufferedImage image = image(Color.ORANGE, 64, 48);

        try (LoadedClassifier classifier = LoadedClassifier.load(registry.versionDir(3, "v1-f"), manifest, 1)) {
            float[] served = classifier.predict(List.of(image)).getFirst().embedding();
            float[] trained = classifier.embed(List.of(new ImageTensors(32).toRgb(image))).getFirst();

            assertThat(trained).containsExactly(served);
        }
    }

    private static BufferedImage image(Color color, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.GRAY);
        g.fillOval(5, 5, width / 2, height / 2);
        g.dispose();
        return image;
    }
}
