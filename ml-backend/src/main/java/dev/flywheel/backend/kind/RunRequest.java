package dev.flywheel.backend.kind;

import dev.flywheel.backend.store.Project;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One training run a kind carries out.
 *
 * @param project the project as stored when the run started
 * @param version the version the run produces
 * @param parent the version active when it was queued, if any
 * @param note adds a sentence to the run's record (what the data left out, for instance)
 * @param progress hears of every finished epoch, so the model record can say how far the run is
 */
public record RunRequest(Project project, String version, Optional<String> parent, Consumer<String> note, Progress progress) {

    /** Hears how far a run is. */
    @FunctionalInterface
    public interface Progress {
        /** Epoch {@code epoch} of {@code epochs} planned finished with mean training {@code loss} and {@code holdoutAccuracy}. */
        void epoch(int epoch, int epochs, double loss, double holdoutAccuracy);
    }

    public RunRequest {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(progress, "progress");
    }

    /** A run nobody follows epoch by epoch. */
    public RunRequest(Project project, String version, Optional<String> parent, Consumer<String> note) {
        this(project, version, parent, note, (epoch, epochs, loss, accuracy) -> {});
    }
}
