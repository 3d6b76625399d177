package dev.flywheel.backend.kind.choices;

import dev.flywheel.backend.registry.ModelManifest;
import java.util.function.BooleanSupplier;

/** The audit after a choice kind's version was published: out-of-sample probabilities for every labelled task. */
@FunctionalInterface
public interface ChoiceAudit {

    /** Audits the data behind {@code manifest} and writes its evidence beside the versions. */
    void run(ModelManifest manifest, BooleanSupplier cancelled);
}
