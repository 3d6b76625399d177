package dev.flywheel.backend.kind;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.backend.registry.AuditFiles;
import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.backend.registry.ModelRegistry;
import dev.flywheel.backend.store.FlywheelStore;
import dev.flywheel.backend.store.ServedPrediction;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Per task, probabilities from a model that never trained on it, which confident learning needs: the newest version's
 * K-fold audit first, then its hold-out predictions, else the pre-label served for the task by a version known not to
 * have learned from it. One gatherer for every kind whose predictions are probabilities over the project's labels.
 */
public final class OutOfSampleProbabilities {

    private static final TypeReference<Map<String, Double>> PROBABILITIES = new TypeReference<>() {};

    private final FlywheelStore store;
    private final ModelRegistry registry;
    private final AuditFiles audits;
    private final ObjectMapper mapper;
    private final Predicate<ModelManifest> sameKind;

    /**
     * A gatherer for one kind.
     *
     * @param sameKind whether a version's probabilities mean what this kind's do (a softmax is not a set of tag scores)
     */
    public OutOfSampleProbabilities(FlywheelStore store, ModelRegistry registry, AuditFiles audits, ObjectMapper mapper,
            Predicate<ModelManifest> sameKind) {
        this.store = store;
        this.registry = registry;
        this.audits = audits;
        this.mapper = mapper;
        this.sameKind = sameKind;
    }

    /** Task id → probabilities in the order of {@code labels}; tasks without such evidence are absent. */
    public Map<Long, double[]> of(long project, List<String> labels, Optional<ModelManifest> newest) {
        Map<Long, double[]> result = new HashMap<>();
        Optional<ModelManifest> comparable = newest.filter(sameKind).filter(m -> m.labels().equals(labels));
        comparable.flatMap(m -> audits.read(m.project(), m.version())).filter(a -> a.labels().equals(labels)).ifPresent(audit ->
                audit.probabilities().forEach((task, p) -> result.put(task, p.stream().mapToDouble(Double::doubleValue).toArray())));
        comparable.ifPresent(m -> m.holdout().forEach(h ->
                result.putIfAbsent(h.taskId(), h.probabilities().stream().mapToDouble(Double::doubleValue).toArray())));
        Map<String, Optional<Set<Long>>> trainedOn = new HashMap<>();
        for (Map.Entry<Long, ServedPrediction> entry : store.predictions().latestPerTask(project).entrySet()) {
            long task = entry.getKey();
            ServedPrediction served = entry.getValue();
            if (result.containsKey(task) || served.probabilitiesJson().isEmpty()) {
                continue;
            }
            // A version whose manifest is gone may have trained on the task: its scores are no out-of-sample evidence.
            Optional<Set<Long>> learned = trainedOn.computeIfAbsent(served.modelVersion(), v -> trainingTasks(project, v));
            if (learned.isPresent() && !learned.get().contains(task)) {
                inLabelOrder(served.probabilitiesJson().get(), labels).ifPresent(p -> result.put(task, p));
            }
        }
        return result;
    }

    private Optional<Set<Long>> trainingTasks(long project, String version) {
        return registry.manifest(project, version).filter(sameKind).map(m -> {
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
