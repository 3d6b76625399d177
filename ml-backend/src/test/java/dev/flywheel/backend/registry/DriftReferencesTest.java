package dev.flywheel.backend.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywheel.backend.analytics.ImageFeatures;
import dev.flywheel.model.api.ModelMetrics;
import dev.flywheel.model.json.FlywheelJson;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftReferencesTest {

    @TempDir
    Path home;

    @Test
    void aReferenceWrittenBeforePublishIsReadBackFromThePublishedVersion() {
        ModelRegistry registry = new ModelRegistry(home, FlywheelJson.newMapper());
        DriftReferences references = new DriftReferences(registry, FlywheelJson.newMapper());
        Path staging = registry.stage(4, "v1-r");
        DriftReference written = new DriftReference("v1-r", List.of(new float[] {1f, 2.5f}, new float[] {0f, -1f}),
                List.of(new ImageFeatures(0.4, 0.1, 640, 480, 640.0 / 480)));

        references.write(staging, written);
        assertThat(references.read(4, "v1-r")).as("not published yet").isEmpty();
        registry.publish(staging, manifest("v1-r"));

        DriftReference read = references.read(4, "v1-r").orElseThrow();
        assertThat(read.version()).isEqualTo("v1-r");
        assertThat(read.embeddings()).containsExactly(new float[] {1f, 2.5f}, new float[] {0f, -1f});
        assertThat(read.features()).isEqualTo(written.features());
    }

    @Test
    void aVersionPublishedWithoutAReferenceHasNone() {
        ModelRegistry registry = new ModelRegistry(home, FlywheelJson.newMapper());
        registry.publish(registry.stage(4, "v0-old"), manifest("v0-old"));

        assertThat(new DriftReferences(registry, FlywheelJson.newMapper()).read(4, "v0-old")).isEmpty();
    }

    private static ModelManifest manifest(String version) {
        return new ModelManifest(version, 4, null, "image_classification", "flywheel-cnn-v1", 32, List.of("a", "b"), 1.0, Map.of(), "none",
                List.of(), 0, new ModelMetrics(null, null), List.of(), null, List.of(), List.of(), Instant.now().toString(), 0.0);
    }
}
