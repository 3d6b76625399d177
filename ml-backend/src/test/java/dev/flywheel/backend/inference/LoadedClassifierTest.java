package dev.flywheel.backend.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.backend.registry.ModelRegistry;
import dev.flywheel.model.json.FlywheelJson;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadedClassifierTest {

    @TempDir
    Path home;

    @Test
    void aVersionGivesOneProbabilityDistributionPerImageInOrder() throws Exception {
        ModelRegistry registry = new ModelRegistry(home, FlywheelJson.newMapper());
        ModelManifest manifest = RandomClassifiers.publish(registry, 7, "v1-test", List.of("cat", "dog", "bird"), 32, 1.0);

        try (LoadedClassifier classifier = LoadedClassifier.load(registry.versionDir(7, "v1-test"), manifest, 2)) {
            List<float[]> result = classifier.classify(List.of(image(Color.RED), image(Color.BLUE), image(Color.GREEN)));

            assertThat(result).hasSize(3).allSatisfy(p -> {
                assertThat(p).hasSize(3);
                assertThat(p[0] + p[1] + p[2]).isCloseTo(1f, offset(1e-4f));
            });
            float[] again = classifier.classify(List.of(image(Color.BLUE))).getFirst();
            assertThat(again).containsExactly(result.get(1), offset(1e-5f));
        }
    }

    @Test
    void aHigherTemperatureGivesLessConfidentScores() throws Exception {
        ModelRegistry registry = new ModelRegistry(home, FlywheelJson.newMapper());
        RandomClassifiers.publish(registry, 1, "sharp", List.of("a", "b", "c"), 32, 1.0);
        Path sharpDir = registry.versionDir(1, "sharp");
        ModelManifest sharp = registry.manifest(1, "sharp").orElseThrow();
        ModelManifest soft = new ModelManifest("soft", 1, null, sharp.taskType(), sharp.architecture(), 32,
                sharp.labels(), 50.0, Map.of(), "none", List.of(), 0, sharp.metrics(), List.of(), null, List.of(), List.of(), sharp.createdAt(), 0);

        try (LoadedClassifier a = LoadedClassifier.load(sharpDir, sharp, 1); LoadedClassifier b = LoadedClassifier.load(sharpDir, soft, 1)) {
            float[] p = a.classify(List.of(image(Color.ORANGE))).getFirst();
            float[] q = b.classify(List.of(image(Color.ORANGE))).getFirst();
            assertThat(max(q)).isLessThanOrEqualTo(max(p));
            assertThat(max(q)).isCloseTo(1f / 3, offset(0.05f));
        }
    }

    private static float max(float[] values) {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    static BufferedImage image(Color color) {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 40, 30);
        g.setColor(Color.WHITE);
        g.fillOval(5, 5, 12, 12);
        g.dispose();
        return image;
    }
}
