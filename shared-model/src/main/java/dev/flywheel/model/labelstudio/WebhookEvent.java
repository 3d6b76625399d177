package dev.flywheel.model.labelstudio;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /webhook}: every project event Label Studio emits, plus {@code START_TRAINING}.
 *
 * <p>Shapes differ per action and any key may be missing: {@code annotation} and {@code task} are objects for
 * {@code ANNOTATION_CREATED/UPDATED} but arrays for the bulk {@code ANNOTATIONS_CREATED};
 * {@code ANNOTATIONS_DELETED} sends {@code annotations: [{"id": …}]}; {@code TASKS_*} send {@code tasks};
 * {@code START_TRAINING} sends only {@code project}. Use {@code project.id}, not {@code annotation.project}.
 *
 * @param action the event name, e.g. {@link #ANNOTATION_CREATED}; unknown actions must still be answered with 2xx
 * @param annotation the annotation (object) or annotations (array)
 * @param task the task (object) or tasks (array)
 * @param project the project with all its fields and counters
 * @param annotations the deleted annotations (ids only)
 * @param tasks the created (full) or deleted (ids only) tasks
 * @param extra properties Flywheel does not model, kept for the round trip
 */
public record WebhookEvent(String action, OneOrMany<Annotation> annotation, OneOrMany<Task> task, LabelStudioProject project,
        List<Annotation> annotations, List<Task> tasks, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    /** An annotation was submitted, or a task skipped ({@code was_cancelled: true}). */
    public static final String ANNOTATION_CREATED = "ANNOTATION_CREATED";
    /** An annotation was changed. */
    public static final String ANNOTATION_UPDATED = "ANNOTATION_UPDATED";
    /** Annotations were created in bulk (import); {@code annotation} and {@code task} are arrays. */
    public static final String ANNOTATIONS_CREATED = "ANNOTATIONS_CREATED";
    /** Annotations were deleted; only their ids are sent. */
    public static final String ANNOTATIONS_DELETED = "ANNOTATIONS_DELETED";
    /** Tasks were imported. */
    public static final String TASKS_CREATED = "TASKS_CREATED";
    /** Tasks were deleted; only their ids are sent. */
    public static final String TASKS_DELETED = "TASKS_DELETED";
    /** Project settings changed; "Start Training" in LS 1.4.1–≈1.11. */
    public static final String PROJECT_UPDATED = "PROJECT_UPDATED";
    /** The "Start Training" button (LS ≥≈1.12); carries only the project. */
    public static final String START_TRAINING = "START_TRAINING";

    public WebhookEvent {
        annotations = Copies.list(annotations);
        tasks = Copies.list(tasks);
        extra = Copies.extra(extra);
    }

    /** An event with the usual keys of a single-annotation webhook. */
    public static WebhookEvent of(String action, Annotation annotation, Task task, LabelStudioProject project) {
        return new WebhookEvent(action, annotation == null ? null : OneOrMany.one(annotation),
                task == null ? null : OneOrMany.one(task), project, null, null, null);
    }

    /** The numeric project id from {@code project.id}, or null when absent. */
    public Long projectId() {
        return project == null ? null : project.id();
    }
}
