package dev.flywheel.backend.annotations;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.backend.kind.ServedConfig;
import dev.flywheel.backend.kind.ServedConfigs;
import dev.flywheel.backend.labelconfig.LabelConfigException;
import dev.flywheel.backend.project.ProjectService;
import dev.flywheel.backend.store.FlywheelStore;
import dev.flywheel.backend.store.Project;
import dev.flywheel.backend.store.WriteOutcome;
import dev.flywheel.model.labelstudio.Annotation;
import dev.flywheel.model.labelstudio.LabelStudioProject;
import dev.flywheel.model.labelstudio.Task;
import dev.flywheel.model.labelstudio.WebhookEvent;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores what Label Studio's webhooks report — projects, tasks, annotations, skips and deletions — and tells training.
 *
 * <p>Every write is committed before this returns, so the acknowledgement Label Studio receives means the annotation
 * is on disk; replays change nothing. Training is only signalled, never run here.
 */
public final class AnnotationIntake implements WebhookHandler {

    private static final Logger LOG = LoggerFactory.getLogger(AnnotationIntake.class);

    private final FlywheelStore store;
    private final ProjectService projects;
    private final ServedConfigs configs;
    private final TrainingTrigger training;
    private final EventMapper rows;

    public AnnotationIntake(FlywheelStore store, ProjectService projects, ServedConfigs configs, TrainingTrigger training,
            ObjectMapper mapper, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.projects = Objects.requireNonNull(projects, "projects");
        this.configs = Objects.requireNonNull(configs, "configs");
        this.training = Objects.requireNonNull(training, "training");
        this.rows = new EventMapper(mapper, clock);
    }

    @Override
    public boolean handle(WebhookEvent event) {
        String action = event.action() == null ? "" : event.action();
        Optional<Long> project = projectId(event);
        if (project.isEmpty()) {
            // The action is the sender's text: quoted and stripped of control characters so it cannot forge log lines.
            LOG.info("webhook '{}' without a project id: acknowledged, nothing stored", action.replaceAll("\\p{Cntrl}", "?"));
            return isKnown(action);
        }
        long id = project.get();
        switch (action) {
            case WebhookEvent.ANNOTATION_CREATED, WebhookEvent.ANNOTATION_UPDATED, WebhookEvent.ANNOTATIONS_CREATED -> {
                ServedConfig config = ensureProject(id, event.project());
                List<Annotation> annotations = event.annotation() == null ? List.of() : event.annotation().items();
                List<Task> tasks = event.task() == null ? List.of() : event.task().items();
                if (storeAnnotations(id, annotations, tasks, config) > 0) {
                    training.annotationsChanged(id);
                }
            }
            case WebhookEvent.ANNOTATIONS_DELETED -> {
                ensureProject(id, event.project());
                List<Long> ids = event.annotations().stream().map(Annotation::id).filter(Objects::nonNull).toList();
                if (store.annotations().markDeleted(id, ids) > 0) {
                    training.annotationsChanged(id);
                }
            }
            case WebhookEvent.TASKS_CREATED -> {
                ServedConfig config = ensureProject(id, event.project());
                store.tasks().saveAll(event.tasks().stream().filter(t -> t.id() != null).map(t -> rows.task(id, t, config)).toList());
            }
            case WebhookEvent.TASKS_DELETED -> {
                ensureProject(id, event.project());
                store.tasks().markDeleted(id, event.tasks().stream().map(Task::id).filter(Objects::nonNull).toList());
            }
            case WebhookEvent.PROJECT_UPDATED -> ensureProject(id, event.project());
            case WebhookEvent.START_TRAINING -> {
                ensureProject(id, event.project());
                training.trainNow(id);
            }
            default -> {
                return false;
            }
        }
        if (!WebhookEvent.START_TRAINING.equals(action)) {
            // After the label config is stored, so labels pulled in the background map against it.
            training.projectSeen(id);
        }
        return true;
    }

    /**
     * Stores tasks pulled from Label Studio (an export or the task list) with their annotations, exactly as webhooks
     * would store them, so a replay changes nothing. Training is not signalled: the caller decides.
     *
     * @return how many annotations were created or changed
     */
    public int importTasks(long project, List<Task> tasks) {
        ServedConfig config = ensureProject(project, null);
        int changed = 0;
        for (Task task : tasks) {
            if (task.id() != null && !task.annotationsOrEmpty().isEmpty()) {
                changed += storeAnnotations(project, task.annotationsOrEmpty(), List.of(task), config);
            }
        }
        return changed;
    }

    private int storeAnnotations(long project, List<Annotation> annotations, List<Task> tasks, ServedConfig config) {
        store.tasks().saveAll(tasks.stream().filter(t -> t.id() != null).map(t -> rows.task(project, t, config)).toList());
        int changed = 0;
        for (Annotation annotation : annotations) {
            Long taskId = annotation.task() != null ? annotation.task() : tasks.size() == 1 ? tasks.getFirst().id() : null;
            if (annotation.id() == null || taskId == null) {
                LOG.info("project {}: annotation without id or task ignored", project);
                continue;
            }
            if (store.tasks().find(project, taskId).isEmpty()) {
                store.tasks().saveAll(List.of(rows.task(project, Task.of(taskId, java.util.Map.of()), config)));
            }
            WriteOutcome outcome = store.annotations().save(rows.annotation(project, taskId, annotation, config));
            EventMapper.annotatorName(annotation)
                    .ifPresent(name -> store.annotators().remember(project, annotation.completedBy().id(), name));
            changed += outcome != WriteOutcome.UNCHANGED ? 1 : 0;
        }
        return changed;
    }

    private ServedConfig ensureProject(long id, LabelStudioProject project) {
        String xml = project == null ? null : project.labelConfig();
        if (xml != null && !xml.isBlank()) {
            try {
                projects.rememberConfig(id, project.title(), xml);
                return configs.get(xml);
            } catch (LabelConfigException e) {
                LOG.warn("project {}: label config in webhook unreadable: {}", id, e.getMessage());
            }
        }
        Optional<Project> known = store.projects().find(id);
        if (known.isPresent() && !known.get().definition().labelConfig().isBlank()) {
            return configs.get(known.get().definition().labelConfig());
        }
        projects.ensure(id);
        return configs.none();
    }

    private static Optional<Long> projectId(WebhookEvent event) {
        if (event.projectId() != null) {
            return Optional.of(event.projectId());
        }
        Annotation first = event.annotation() == null ? null : event.annotation().first();
        return Optional.ofNullable(first == null ? null : first.project());
    }

    private static boolean isKnown(String action) {
        return switch (action) {
            case WebhookEvent.ANNOTATION_CREATED, WebhookEvent.ANNOTATION_UPDATED, WebhookEvent.ANNOTATIONS_CREATED,
                    WebhookEvent.ANNOTATIONS_DELETED, WebhookEvent.TASKS_CREATED, WebhookEvent.TASKS_DELETED,
                    WebhookEvent.PROJECT_UPDATED, WebhookEvent.START_TRAINING -> true;
            default -> false;
        };
    }
}
