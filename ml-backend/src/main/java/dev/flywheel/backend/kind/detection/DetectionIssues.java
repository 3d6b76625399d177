package dev.flywheel.backend.kind.detection;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.backend.analytics.BoxIssues;
import dev.flywheel.backend.analytics.LabeledBox;
import dev.flywheel.backend.kind.LabelIssueFindings;
import dev.flywheel.backend.labelconfig.ServingTarget;
import dev.flywheel.backend.registry.AuditFiles;
import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.backend.store.FlywheelStore;
import dev.flywheel.backend.store.Project;
import dev.flywheel.backend.training.BoxDataset;
import dev.flywheel.model.api.LabelIssue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A detection project's likely label errors: the boxes of each task's latest annotation matched against boxes from a
 * detector that never trained on the task — the newest version's K-fold audit first, then its hold-out predictions;
 * evidence from versions with other labels is not used.
 */
public final class DetectionIssues {

    private final FlywheelStore store;
    private final AuditFiles audits;
    private final ObjectMapper mapper;

    public DetectionIssues(FlywheelStore store, AuditFiles audits, ObjectMapper mapper) {
        this.store = store;
        this.audits = audits;
        this.mapper = mapper;
    }

    /** Missing, spurious and swapped boxes of {@code target}'s control. */
    LabelIssueFindings find(Project project, ServingTarget target, Optional<ModelManifest> newest) {
        BoxDataset.Tasks annotated = BoxDataset.of(store.annotations().trainingResults(project.id()), target, mapper);
        Map<Long, List<LabeledBox>> predicted = outOfSample(target.control().labelValues(), newest);
        List<BoxIssues.AnnotatedTask> tasks = annotated.perTask().values().stream()
                .map(t -> new BoxIssues.AnnotatedTask(t.taskId(), t.annotationId(), t.boxes()))
                .toList();
        long judged = tasks.stream().filter(t -> predicted.containsKey(t.taskId())).count();
        return LabelIssueFindings.perTask(BoxIssues.find(tasks, predicted), tasks.size(), judged);
    }

    /** Task id → boxes in percent predicted by a detector that never trained on the task. */
    private Map<Long, List<LabeledBox>> outOfSample(List<String> labels, Optional<ModelManifest> newest) {
        Map<Long, List<LabeledBox>> result = new HashMap<>();
        Optional<ModelManifest> comparable = newest.filter(m -> ObjectDetection.NAME.equals(m.taskType()) && m.labels().equals(labels));
        comparable.flatMap(m -> audits.read(m.project(), m.version())).filter(a -> a.labels().equals(labels)).ifPresent(audit ->
                audit.boxes().forEach((task, boxes) -> result.put(task, DetectorComparison.boxes(task, boxes))));
        comparable.map(ModelManifest::detection).ifPresent(d -> d.holdout().forEach(h ->
                result.putIfAbsent(h.taskId(), DetectorComparison.boxes(h.taskId(), h.predicted()))));
        return result;
    }
}
