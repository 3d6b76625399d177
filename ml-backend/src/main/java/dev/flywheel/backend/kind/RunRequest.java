package dev.flywheel.backend.kind;

import dev.flywheel.backend.store.Project;
import dev.flywheel.backend.store.Required;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One training run a kind carries out.
 *
 * @param project the project as stored when the run started
 * @param version the version the run produces
 * @param parent the version active when it was queued, if any
 * @param note adds a sentence to the run's record (what the data left out, for instance)
 * @param progress hears of every finished epoch, so the model record can say how far the run is
 * @param overtaken true once enough annotations changed since the run started to earn the next run: a trainer may then
 *     stop at the end of an epoch, once past its fewest epochs, and publish what it has, so that versions keep up with a
 *     fast annotator instead of each finishing on data that is long stale
 */
public record RunRequest(Project project, String version, Optional<String> parent, Consumer<String> note, Progress progress,
        BooleanSupplier overtaken) {

    /** Hears how far a run is. */
    @FunctionalInterface
    public interface Progress {
        /** Nobody follows the run epoch by epoch. */
        Progress NONE = (epoch, epochs, loss, holdoutAccuracy) -> {};

        /** Epoch {@code epoch} of {@code epochs} planned finished with mean training {@code loss} and {@code holdoutAccuracy}. */
        void epoch(int epoch, int epochs, double loss, double holdoutAccuracy);
    }

    public RunRequest {
        Required.components("project version parent note progress overtaken",
                project, version, parent, note, progress, overtaken);
    }

    /** A run nobody follows epoch by epoch and nothing overtakes. */
    public RunRequest(Project project, String version, Optional<String> parent, Consumer<String> note) {
        this(project, version, parent, note, Progress.NONE, () -> false);
    }

    /** Whether this is the project's first run (no version was active when it was queued): a short one. */
    public boolean first() {
        return parent.isEmpty();
    }
}
