package dev.flywheel.backend.kind.choices;

import dev.flywheel.backend.kind.RunRequest;
import dev.flywheel.backend.registry.ModelManifest;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

/** How a choice kind's runs train, and what they prepare ahead of the next one. */
public interface ChoiceTraining {

    /** Trains {@code run} into {@code staging}; the manifest records {@code taskType}. */
    ModelManifest train(String taskType, RunRequest run, Path staging, BooleanSupplier cancelled);

    /** Prepares the images of the labelled tasks for the next run. */
    void prefetch(long project, List<String> labels);

    /** Whether {@code ready} is what a run trains now; if not, the project is due as if untrained. */
    default boolean trainsLike(ModelManifest ready) {
        return true;
    }
}
