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
 */
public record RunRequest(Project project, String version, Optional<String> parent, Consumer<String> note) {

    public RunRequest {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(note, "note");
    }
}
