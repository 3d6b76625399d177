package dev.flywheel.backend.labelstudio;

import dev.flywheel.backend.annotations.AnnotationIntake;
import dev.flywheel.backend.image.LabelStudioConnection;
import dev.flywheel.backend.image.LabelStudioConnectionResolver;
import dev.flywheel.backend.project.ProjectSettings;
import dev.flywheel.backend.training.TrainingDataRefresh;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls a project's labelled tasks from Label Studio into the store through the webhook intake, so a backend connected
 * to a project that already has labels learns from all of them. Replays change nothing.
 */
public final class LabelStudioBackfill implements TrainingDataRefresh {

    private static final Logger LOG = LoggerFactory.getLogger(LabelStudioBackfill.class);

    private final LabelStudioClient client;
    private final LabelStudioConnectionResolver resolver;
    private final ProjectSettings projects;
    private final AnnotationIntake intake;

    public LabelStudioBackfill(LabelStudioClient client, LabelStudioConnectionResolver resolver, ProjectSettings projects,
            AnnotationIntake intake) {
        this.client = Objects.requireNonNull(client, "client");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.projects = Objects.requireNonNull(projects, "projects");
        this.intake = Objects.requireNonNull(intake, "intake");
    }

    @Override
    public Optional<String> refresh(long project) {
        Optional<LabelStudioConnection> labelStudio = resolver.resolve(projects.find(project));
        if (labelStudio.isEmpty()) {
            return Optional.of("labels were not pulled from Label Studio: its URL is unknown (set LABEL_STUDIO_URL or"
                    + " connect the backend from Label Studio); trained on the annotations received by webhook");
        }
        try {
            // Stored batch by batch as the export arrives: a large project's export is never held whole.
            int[] changed = {0};
            int pulled = client.labeledTasks(labelStudio.get(), project, batch -> changed[0] += intake.importTasks(project, batch));
            LOG.info("project {}: pulled {} labelled task(s) from Label Studio, {} annotation(s) new or changed", project, pulled, changed[0]);
            return Optional.empty();
        } catch (LabelStudioUnavailableException e) {
            LOG.warn("project {}: {}", project, e.getMessage());
            return Optional.of("Label Studio unreachable, trained on the stored annotations: " + e.getMessage());
        }
    }
}
