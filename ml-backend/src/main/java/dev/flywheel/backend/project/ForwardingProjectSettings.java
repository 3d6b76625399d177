package dev.flywheel.backend.project;

import java.util.Optional;

/**
 * Project settings that hand every call to other settings, for a wrapper that adds to one call (what {@code /setup}
 * sets off) or settings bound after the parts that read them were built.
 */
public abstract class ForwardingProjectSettings implements ProjectSettings {

    /** The settings every call goes to. */
    protected abstract ProjectSettings delegate();

    @Override
    public void remember(ProjectConnection connection) {
        delegate().remember(connection);
    }

    @Override
    public Optional<ProjectConnection> find(long project) {
        return delegate().find(project);
    }

    @Override
    public Optional<Long> withLabelConfig(String labelConfig) {
        return delegate().withLabelConfig(labelConfig);
    }
}
