package dev.flywheel.backend.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.flywheel.backend.registry.ModelRegistry;
import dev.flywheel.model.json.FlywheelJson;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActiveModelsTest {

    @TempDir
    Path home;

    private final Map<Long, String> active = new HashMap<>();

    @Test
    void aProjectWithoutAModelGetsNoClassification() {
        try (ActiveModels models = new ActiveModels(new ModelRegistry(home, FlywheelJson.newMapper()), this::activeVersion, 1)) {
            assertThat(models.classify(7, List.of(image(Color.RED)))).isEmpty();
            assertThat(models.active(7)).isEmpty();
        }
    }

    @Test
    void theActiveVersionGivesOneProbabilityDistributionPerImageInOrder() throws Exception {
        ModelRegistry registry = new ModelRegistry(home, FlywheelJson.newMapper());
        RandomClassifiers.publish(registry, 7, "v1-test", List.of("cat", "dog", "bird"), 32, 1.0);
        active.put(7L, "v1-test");

        try (ActiveModels models = new ActiveModels(registry, this::activeVersion, 2)) {
            List<BufferedImage> images = List.of(image(Color.RED), image(Color.BLUE), image(Color.GREEN));
            ActiveModels.Classification result = models.classify(7, images).orElseThrow();

            assertThat(result.manifest().version()).isEqualTo("v1-test");
            assertThat(result.probabilities()).hasSize(3).allSatisfy(p -> {
                assertThat(p).hasSize(3);
                assertThat(p[0] + p[1] + p[2]).isCloseTo(1f, offset(1e-4f));
            });
            float[] again = models.classify(7, List.of(image(Color.BLUE))).orElseThrow().probabilities().getFirst();
            assertThat(again).containsExactly(result.probabilities().get(1), offset(1e-5f));
        }
    }

    @Test
    void switchingTheActiveVersionServesTheNewOneOnTheNextCall() throws Exception {
        ModelRegistry registry = new ModelRegistry(home, FlywheelJson.newMapper());
        RandomClassifiers.publish(registry, 7, "v1-a", List.of("cat", "dog"), 32, 1.0);
        RandomClassifiers.publish(registry, 7, "v2-b", List.of("cat", "dog"), 32, 1.0);
        active.put(7L, "v1-a");

        try (ActiveModels models = new ActiveModels(registry, this::activeVersion, 1)) {
            assertThat(models.classify(7, List.of(image(Color.RED))).orElseThrow().manifest().version()).isEqualTo("v1-a");
            active.put(7L, "v2-b");
            assertThat(models.classify(7, List.of(image(Color.RED))).orElseThrow().manifest().version()).isEqualTo("v2-b");
        }
    }

    @Test
    void aHigherTemperatureGivesLessConfidentScores() throws Exception {
        ModelRegistry registry = new ModelRegistry(home, FlywheelJson.newMapper());
        RandomClassifiers.publish(registry, 1, "sharp", List.of("a", "b", "c"), 32, 1.0);
        Path sharpDir = registry.versionDir(1, "sharp");
        var sharp = registry.manifest(1, "sharp").orElseThrow();
        var soft = new dev.flywheel.backend.registry.ModelManifest("soft", 1, null, sharp.taskType(), sharp.architecture(), 32,
                sharp.labels(), 50.0, Map.of(), "none", List.of(), 0, sharp.metrics(), List.of(), null, List.of(), List.of(), sharp.createdAt(), 0);

        try (LoadedClassifier a = LoadedClassifier.load(sharpDir, sharp, 1); LoadedClassifier b = LoadedClassifier.load(sharpDir, soft, 1)) {
            float[] p = a.classify(List.of(image(Color.ORANGE))).getFirst();
            float[] q = b.classify(List.of(image(Color.ORANGE))).getFirst();
            assertThat(max(q)).isLessThanOrEqualTo(max(p));
            assertThat(max(q)).isCloseTo(1f / 3, offset(0.05f));
        }
    }

    private Optional<String> activeVersion(long project) {
        return Optional.ofNullable(active.get(project));
    }

    private static float max(float[] values) {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    private static BufferedImage image(Color color) {
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
