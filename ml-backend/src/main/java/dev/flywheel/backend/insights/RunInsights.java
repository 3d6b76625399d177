package dev.flywheel.backend.insights;

import dev.flywheel.backend.analytics.DatasetStats;
import dev.flywheel.backend.analytics.LearningCurves;
import dev.flywheel.backend.kind.TaskKind;
import dev.flywheel.backend.kind.TaskKinds;
import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.backend.registry.ModelRegistry;
import dev.flywheel.backend.store.FlywheelStore;
import dev.flywheel.backend.store.LabeledAnnotation;
import dev.flywheel.backend.store.ServedPrediction;
import dev.flywheel.backend.store.UnknownEntityException;
import dev.flywheel.model.api.BaselineEffort;
import dev.flywheel.model.api.CompareReply;
import dev.flywheel.model.api.FlywheelReply;
import dev.flywheel.model.api.LearningCurve;
import dev.flywheel.model.api.LearningCurvePoint;
import dev.flywheel.model.api.VersionSavings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the versions of a project tell together: the learning curve, a task-by-task comparison of two runs, and how
 * much each version's pre-labels saved the annotators.
 */
public final class RunInsights {

    private final FlywheelStore store;
    private final ModelRegistry registry;
    private final TaskKinds kinds;

    public RunInsights(FlywheelStore store, ModelRegistry registry, TaskKinds kinds) {
        this.store = store;
        this.registry = registry;
        this.kinds = kinds;
    }

    public LearningCurve learningCurve(long project) {
        requireProject(project);
        List<LearningCurvePoint> points = registry.versions(project).stream()
                .sorted(Comparator.comparingInt(ModelManifest::trainedOn))
                .flatMap(m -> kinds.of(m).flatMap(kind -> kind.curvePoint(m)).stream())
                .toList();
        return LearningCurves.of(points);
    }

    /** Compares two versions of one kind on the hold-out tasks neither trained on, which the hash split makes their shared ones. */
    public CompareReply compare(long project, String base, String candidate) {
        requireProject(project);
        ModelManifest before = manifest(project, base);
        ModelManifest after = manifest(project, candidate);
        if (!before.labels().equals(after.labels())) {
            throw new IncomparableException(base + " and " + candidate + " were trained on different label sets");
        }
        if (!before.taskType().equals(after.taskType())) {
            throw new IncomparableException(base + " and " + candidate + " are not of the same task kind (" + before.taskType() + ", "
                    + after.taskType() + ")");
        }
        TaskKind kind = kinds.of(after).orElseThrow(() -> new IncomparableException(candidate + " is of the task kind '"
                + after.taskType() + "', which this backend does not serve"));
        return kind.compare(before, after);
    }

    /** Per version: pre-labels served for tasks people then labeled, and how many they kept as they were. */
    public FlywheelReply flywheel(long project) {
        requireProject(project);
        Map<Long, List<LabeledAnnotation>> annotated = new LinkedHashMap<>();
        for (LabeledAnnotation a : store.annotations().trainingSet(project)) {
            annotated.computeIfAbsent(a.taskId(), k -> new ArrayList<>()).add(a);
        }
        Map<Long, ServedPrediction> served = store.predictions().latestPerTask(project);
        Map<String, Tally> byVersion = new TreeMap<>();
        List<Double> unassistedLeadTimes = new ArrayList<>();
        long unassisted = 0;
        for (Map.Entry<Long, List<LabeledAnnotation>> entry : annotated.entrySet()) {
            ServedPrediction prediction = served.get(entry.getKey());
            if (prediction == null || prediction.labels().isEmpty()) {
                unassisted++;
                entry.getValue().forEach(a -> a.leadTimeSeconds().ifPresent(unassistedLeadTimes::add));
                continue;
            }
            Tally tally = byVersion.computeIfAbsent(prediction.modelVersion(), v -> new Tally());
            for (LabeledAnnotation a : entry.getValue()) {
                tally.prelabeled++;
                if (new HashSet<>(a.labels()).equals(new HashSet<>(prediction.labels()))) {
                    tally.accepted++;
                } else {
                    tally.replaced++;
                }
                a.leadTimeSeconds().ifPresent(tally.leadTimes::add);
            }
        }
        List<VersionSavings> versions = byVersion.entrySet().stream()
                .map(e -> new VersionSavings(e.getKey(), e.getValue().prelabeled, e.getValue().accepted, 0, e.getValue().replaced,
                        (double) e.getValue().accepted / e.getValue().prelabeled, DatasetStats.median(e.getValue().leadTimes)))
                .toList();
        return new FlywheelReply(versions, new BaselineEffort(unassisted, DatasetStats.median(unassistedLeadTimes)));
    }

    private ModelManifest manifest(long project, String version) {
        return registry.manifest(project, version)
                .orElseThrow(() -> new UnknownEntityException("project " + project + " has no ready model version " + version));
    }

    private void requireProject(long project) {
        if (store.projects().find(project).isEmpty()) {
            throw new UnknownEntityException("Flywheel has not seen project " + project + " yet");
        }
    }

    /** Counts of one version's pre-labels. */
    private static final class Tally {
        long prelabeled;
        long accepted;
        long replaced;
        final List<Double> leadTimes = new ArrayList<>();
    }
}
