package dev.flywheel.backend.inference;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.backend.registry.ModelRegistry;
import dev.flywheel.model.api.ModelMetrics;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Publishes untrained classifier versions, for tests of the serving path that must not depend on training. */
public final class RandomClassifiers {

    private RandomClassifiers() {}

    public static ModelManifest publish(ModelRegistry registry, long project, String version, List<String> labels, int size, double temperature)
            throws IOException {
        Path staging = registry.stage(project, version);
        Block block = ImageClassifierNet.build(labels.size());
        try (Model model = Model.newInstance(version, "PyTorch"); NDManager manager = NDManager.newBaseManager("PyTorch")) {
            model.setBlock(block);
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 3, size, size));
            model.save(staging, LoadedClassifier.PARAMS_NAME);
        }
        ModelManifest manifest = new ModelManifest(version, project, null, "image_classification", ImageClassifierNet.ARCHITECTURE, size,
                labels, temperature, Map.of("epochs", 0), "none", List.of(), 0, new ModelMetrics(null, null), List.of(), null, List.of(), List.of(), Instant.now().toString(), 0.0);
        registry.publish(staging, manifest);
        return manifest;
    }
}
