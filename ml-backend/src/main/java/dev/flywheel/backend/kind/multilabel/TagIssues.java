package dev.flywheel.backend.kind.multilabel;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.backend.analytics.TagIssueFinder;
import dev.flywheel.backend.registry.AuditFiles;
import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.backend.registry.ModelRegistry;
import dev.flywheel.backend.store.FlywheelStore;
import dev.flywheel.backend.store.Project;
import dev.flywheel.backend.store.ServedPrediction;
import dev.flywheel.backend.training.TaggedTask;
import dev.flywheel.model.api.LabelIssue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A multi-label project's likely tag errors, per task and tag: confident learning on each label over tag probabilities
 * from a network that never trained on the task — the newest version's K-fold audit first, then its hold-out
 * predictions, else the pre-label served for the task by a version that did not learn from it.
 */
public final class TagIssues {

    private static final TypeReference<Map<String, Double>> PROBABILITIES = new TypeReference<>() {};

    private final FlywheelStore store;
    private final ModelRegistry registry;
    private final AuditFiles audits;
    private final ObjectMapper mapper;

    public TagIssues(FlywheelStore store, ModelRegistry registry, AuditFiles audits, ObjectMapper mapper) {
        this.store = store;
        this.registry = registry;
        this.audits = audits;
        this.mapper = mapper;
    }

    List<LabelIssue> find(Project project, Optional<ModelManifest> newest) {
        List<String> labels = project.labels();
        Map<Long, double[]> probabilities = outOfSample(project.id(), labels, newest);
        List<TagIssueFinder.TaggedPrediction> tasks = new ArrayList<>();
        TaggedTask.perTask(store.annotations().trainingSet(project.id()), labels).forEach((task, tagged) -> {
            double[] p = probabilities.get(task);
            if (p != null) {
                tasks.add(new TagIssueFinder.TaggedPrediction(task, tagged.annotationId(), tagged.given(labels), p));
            }
        });
        return TagIssueFinder.find(labels, tasks);
    }

    /** Task id → tag probabilities in the order of {@code labels}; tasks without such evidence are absent. */
    private Map<Long, double[]> outOfSample(long project, List<String> labels, Optional<ModelManifest> newest) {
        Map<Long, double[]> result = new HashMap<>();
        Optional<ModelManifest> comparable = newest.filter(m -> MultiLabelClassification.NAME.equals(m.taskType()) && m.labels().equals(labels));
        comparable.flatMap(m -> audits.read(m.project(), m.version())).filter(a -> a.labels().equals(labels)).ifPresent(audit ->
                audit.probabilities().forEach((task, p) -> result.put(task, p.stream().mapToDouble(Double::doubleValue).toArray())));
        comparable.ifPresent(m -> m.holdout().forEach(h ->
                result.putIfAbsent(h.taskId(), h.probabilities().stream().mapToDouble(Double::doubleValue).toArray())));
        Map<String, Optional<Set<Long>>> trainedOn = new HashMap<>();
        for (Map.Entry<Long, ServedPrediction> entry : store.predictions().latestPerTask(project).entrySet()) {
            ServedPrediction served = entry.getValue();
            if (result.containsKey(entry.getKey()) || served.probabilitiesJson().isEmpty()) {
                continue;
            }
            Optional<Set<Long>> learned = trainedOn.computeIfAbsent(served.modelVersion(), v -> trainingTasks(project, v));
            if (learned.isPresent() && !learned.get().contains(entry.getKey())) {
                inLabelOrder(served.probabilitiesJson().get(), labels).ifPresent(p -> result.put(entry.getKey(), p));
            }
        }
        return result;
    }

    /** The tasks a multi-label version learned from; empty for a version of another kind, whose probabilities are no tags'. */
    private Optional<Set<Long>> trainingTasks(long project, String version) {
        return registry.manifest(project, version).filter(m -> MultiLabelClassification.NAME.equals(m.taskType())).map(m -> {
            Set<Long> tasks = new HashSet<>();
            m.trainingSet().forEach(e -> tasks.add(e.taskId()));
            return tasks;
        });
    }

    private Optional<double[]> inLabelOrder(String json, List<String> labels) {
        try {
            Map<String, Double> byLabel = mapper.readValue(json, PROBABILITIES);
            if (!byLabel.keySet().containsAll(labels)) {
                return Optional.empty();
            }
            return Optional.of(labels.stream().mapToDouble(byLabel::get).toArray());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
