package dev.flywheel.backend.kind.classification;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.backend.analytics.ConfidentLearning;
import dev.flywheel.backend.analytics.IssueFilter;
import dev.flywheel.backend.analytics.IssueRanking;
import dev.flywheel.backend.analytics.OutOfSamplePrediction;
import dev.flywheel.backend.registry.AuditFiles;
import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.backend.registry.ModelRegistry;
import dev.flywheel.backend.store.FlywheelStore;
import dev.flywheel.backend.store.Project;
import dev.flywheel.backend.store.ServedPrediction;
import dev.flywheel.backend.training.DatasetAssembler;
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
 * A classification project's likely label errors: confident learning over each labelled task's class probabilities
 * from a model that never trained on it — the newest version's K-fold audit first, then its hold-out predictions,
 * else the pre-label Flywheel served for the task when the serving version did not learn from it.
 */
public final class ClassifierIssues {

    private static final TypeReference<Map<String, Double>> PROBABILITIES = new TypeReference<>() {};

    private final FlywheelStore store;
    private final ModelRegistry registry;
    private final AuditFiles audits;
    private final ObjectMapper mapper;

    public ClassifierIssues(FlywheelStore store, ModelRegistry registry, AuditFiles audits, ObjectMapper mapper) {
        this.store = store;
        this.registry = registry;
        this.audits = audits;
        this.mapper = mapper;
    }

    List<LabelIssue> find(Project project, Optional<ModelManifest> newest) {
        List<String> labels = project.labels();
        if (labels.size() < 2) {
            return List.of();
        }
        Map<Long, DatasetAssembler.LabeledTask> given = DatasetAssembler.labelPerTask(store.annotations().trainingSet(project.id()), labels);
        Map<Long, double[]> probabilities = probabilities(project.id(), labels, newest);
        List<OutOfSamplePrediction> examples = new ArrayList<>();
        given.forEach((task, labeled) -> {
            double[] p = probabilities.get(task);
            if (p != null) {
                examples.add(new OutOfSamplePrediction(task, labeled.annotationId(), labeled.labelIndex(), p));
            }
        });
        return ConfidentLearning.findLabelIssues(labels, examples, IssueFilter.PRUNE_BY_NOISE_RATE, IssueRanking.SELF_CONFIDENCE);
    }

    /** Task id → probabilities in the order of {@code labels}; tasks without such evidence are absent. */
    private Map<Long, double[]> probabilities(long project, List<String> labels, Optional<ModelManifest> newest) {
        Map<Long, double[]> result = new HashMap<>();
        Optional<ModelManifest> comparable = newest.filter(m -> m.labels().equals(labels));
        comparable.flatMap(m -> audits.read(m.project(), m.version())).filter(a -> a.labels().equals(labels)).ifPresent(audit ->
                audit.probabilities().forEach((task, p) -> result.put(task, p.stream().mapToDouble(Double::doubleValue).toArray())));
        comparable.ifPresent(m -> m.holdout().forEach(h ->
                result.putIfAbsent(h.taskId(), h.probabilities().stream().mapToDouble(Double::doubleValue).toArray())));
        Map<String, Set<Long>> trainedOn = new HashMap<>();
        for (Map.Entry<Long, ServedPrediction> entry : store.predictions().latestPerTask(project).entrySet()) {
            long task = entry.getKey();
            ServedPrediction served = entry.getValue();
            if (result.containsKey(task) || served.probabilitiesJson().isEmpty()) {
                continue;
            }
            Set<Long> learned = trainedOn.computeIfAbsent(served.modelVersion(), v -> trainingTasks(project, v));
            if (!learned.contains(task)) {
                inLabelOrder(served.probabilitiesJson().get(), labels).ifPresent(p -> result.put(task, p));
            }
        }
        return result;
    }

    private Set<Long> trainingTasks(long project, String version) {
        Set<Long> tasks = new HashSet<>();
        registry.manifest(project, version).ifPresent(m -> m.trainingSet().forEach(e -> tasks.add(e.taskId())));
        return tasks;
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
