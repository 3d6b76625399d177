package dev.flywheel.backend.workflow;

import dev.flywheel.backend.project.ForwardingProjectSettings;
import dev.flywheel.backend.project.ProjectConnection;
import dev.flywheel.backend.project.ProjectSettings;
import java.util.function.LongConsumer;

/**
 * What {@code /setup} sets off besides remembering the connection: the project is announced to training, so the
 * first {@code /setup} a process sees starts the project's backfill from Label Studio.
 */
public final class OnSetup extends ForwardingProjectSettings {

    private final ProjectSettings projects;
    private final LongConsumer projectSeen;

    public OnSetup(ProjectSettings projects, LongConsumer projectSeen) {
        this.projects = projects;
        this.projectSeen = projectSeen;
    }

    @Override
    protected ProjectSettings delegate() {
        return projects;
    }

    @Override
    public void remember(ProjectConnection connection) {
        super.remember(connection);
        projectSeen.accept(connection.project());
    }
}
