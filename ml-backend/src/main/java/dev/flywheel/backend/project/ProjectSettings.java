package dev.flywheel.backend.project;

import java.util.Optional;

/** Remembers each project's latest {@code /setup}; the store implements it durably. */
public interface ProjectSettings {

    void remember(ProjectConnection connection);

    Optional<ProjectConnection> find(long project);

    /**
     * The project whose label config is exactly {@code labelConfig}, for a {@code /predict} that names no project (Label
     * Studio's test call and some versions send none); the most recently set up one when several share it.
     */
    Optional<Long> withLabelConfig(String labelConfig);
}
