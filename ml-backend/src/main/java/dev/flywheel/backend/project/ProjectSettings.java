package dev.flywheel.backend.project;

import java.util.Optional;

/** Remembers each project's latest {@code /setup}; the store implements it durably. */
public interface ProjectSettings {

    void remember(ProjectConnection connection);

    Optional<ProjectConnection> find(long project);
}
