package dev.flywheel.backend.kind;

import java.util.List;
import java.util.Optional;

/** The store's side of serving: which versions are ready to fall back on, and the record of one that cannot be loaded. */
public interface VersionHistory {

    /** Nothing to fall back on and nothing recorded: for tests and tools that serve one version. */
    VersionHistory NONE = new VersionHistory() {
        @Override
        public List<String> ready(long project) {
            return List.of();
        }

        @Override
        public void broken(long project, String version, String reason, Optional<String> servingInstead) {}
    };

    /** The project's ready versions, newest first. */
    List<String> ready(long project);

    /**
     * Records that {@code version} cannot be served (marked failed with {@code reason}) and, when it was the active
     * version, that {@code servingInstead} is active now (none when nothing can serve).
     */
    void broken(long project, String version, String reason, Optional<String> servingInstead);
}
