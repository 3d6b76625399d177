package dev.flywheel.backend.insights;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.backend.analytics.LabeledBox;
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

/**
 * Class probabilities (or a detector's boxes) for labeled tasks from models that never trained on them: the newest version's K-fold audit
 * first, then its hold-out predictions, else the pre-label Flywheel served for the task (free out-of-sample evidence whenever the serving
 * version did not learn from that task).
 */
final class OutOfSampleEvidence {

    private static final TypeReference<Map<String, Double>> PROBABILITIES = new TypeReference<>() {};

    private final FlywheelStore store;
    private final ModelRegistry registry;
    private final AuditFiles audits;
    private final ObjectMapper mapper;

    OutOfSampleEvidence(FlywheelStore store, ModelRegistry registry, AuditFiles audits, ObjectMapper mapper) {
        this.store = store;
        this.registry = registry;
        this.audits = audits;
        this.mapper = mapper;
    }

    /** Task id → probabilities in the order of {@code labels}; tasks without such evidence are absent. */
    Map<Long, double[]> probabilities(long project, List<String> labels, Optional<ModelManifest> newest) {
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

    /**
     * Task id → boxes predicted by a detector that never trained on the task, in percent: the newest version's K-fold
     * audit first, then its hold-out predictions. Evidence from versions with other labels is not used.
     */
    Map<Long, List<LabeledBox>> boxes(List<String> labels, Optional<ModelManifest> newest) {
        Map<Long, List<LabeledBox>> result = new HashMap<>();
        Optional<ModelManifest> comparable = newest.filter(m -> m.isDetector() && m.labels().equals(labels));
        comparable.flatMap(m -> audits.read(m.project(), m.version())).filter(a -> a.labels().equals(labels)).ifPresent(audit ->
                audit.boxes().forEach((task, boxes) -> result.put(task, boxes(task, boxes))));
        comparable.map(ModelManifest::detection).ifPresent(d -> d.holdout().forEach(h ->
                result.putIfAbsent(h.taskId(), boxes(h.taskId(), h.predicted()))));
        return result;
    }

    private static List<LabeledBox> boxes(long task, List<ModelManifest.Box> boxes) {
        return boxes.stream().map(b -> new LabeledBox(task, b.label(), b.score(), b.x(), b.y(), b.width(), b.height())).toList();
    }

    private Set<Long> trainingTasks(long project, String version) {
        Set<Long> tasks = new HashSet<>();
        registry.manifest(project, version).ifPresent(m -> m.trainingSet().forEach(e -> tasks.add(e.taskId())));
        return tasks;
    }

    /** A served prediction's probabilities, in whatever label order it was served. */
    Optional<double[]> values(ServedPrediction served) {
        return served.probabilitiesJson().flatMap(json -> {
            try {
                return Optional.of(mapper.readValue(json, PROBABILITIES).values().stream().mapToDouble(Double::doubleValue).toArray());
            } catch (IOException e) {
                return Optional.empty();
            }
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
