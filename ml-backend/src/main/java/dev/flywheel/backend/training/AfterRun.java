package dev.flywheel.backend.training;

import dev.flywheel.backend.registry.ModelManifest;
import java.util.function.BooleanSupplier;

/** Follow-up work on a new version (the audit), run on the training worker only while no training waits. */
@FunctionalInterface
public interface AfterRun {

    /** @param cancelled true once a training run is waiting or the backend closes: stop early */
    void run(ModelManifest published, BooleanSupplier cancelled);
}
