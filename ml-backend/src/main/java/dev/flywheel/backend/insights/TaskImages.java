package dev.flywheel.backend.insights;

import dev.flywheel.backend.image.FetchedImage;
import dev.flywheel.backend.image.ProjectImages;
import dev.flywheel.backend.store.FlywheelStore;
import dev.flywheel.backend.store.Task;
import dev.flywheel.backend.store.UnknownEntityException;

/** A task's image for the IDE's previews, fetched with the backend's own Label Studio credentials. */
public final class TaskImages {

    private final FlywheelStore store;
    private final ProjectImages images;

    public TaskImages(FlywheelStore store, ProjectImages images) {
        this.store = store;
        this.images = images;
    }

    public FetchedImage image(long project, long taskId) {
        Task task = store.tasks().find(project, taskId)
                .filter(t -> !t.deleted())
                .orElseThrow(() -> new UnknownEntityException("project " + project + " has no task " + taskId));
        String reference = task.imageRef().orElseThrow(() -> new UnknownEntityException("task " + taskId + " has no image"));
        return images.fetch(project, taskId, reference);
    }
}
