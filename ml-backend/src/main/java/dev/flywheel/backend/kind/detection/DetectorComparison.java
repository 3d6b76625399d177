package dev.flywheel.backend.kind.detection;

import dev.flywheel.backend.analytics.DetectionComparison;
import dev.flywheel.backend.analytics.LabeledBox;
import dev.flywheel.backend.insights.IncomparableException;
import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.model.api.CompareReply;
import dev.flywheel.model.api.EvaluationSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Two detectors on the tasks both held out, scored against the candidate's record of their annotated boxes (the newer
 * labels when the candidate is the newer version), so both sit the same exam.
 */
final class DetectorComparison {

    private DetectorComparison() {}

    static CompareReply compare(ModelManifest before, ModelManifest after) {
        Map<Long, ModelManifest.BoxHoldout> beforeHoldout = boxHoldout(before);
        Map<Long, ModelManifest.BoxHoldout> afterHoldout = boxHoldout(after);
        Map<Long, List<LabeledBox>> truth = new TreeMap<>();
        Map<Long, List<LabeledBox>> basePredicted = new TreeMap<>();
        Map<Long, List<LabeledBox>> candidatePredicted = new TreeMap<>();
        afterHoldout.forEach((task, held) -> {
            ModelManifest.BoxHoldout other = beforeHoldout.get(task);
            if (other != null) {
                truth.put(task, boxes(task, held.truth()));
                basePredicted.put(task, boxes(task, other.predicted()));
                candidatePredicted.put(task, boxes(task, held.predicted()));
            }
        });
        if (truth.isEmpty()) {
            throw new IncomparableException(before.version() + " and " + after.version() + " share no hold-out task to compare them on");
        }
        return DetectionComparison.compare(before.version(), after.version(), after.labels(), truth, basePredicted, candidatePredicted,
                after.detection().scoreThreshold(), before.trainingLabels(), after.trainingLabels())
                .withEvaluation(new EvaluationSet(EvaluationSet.SHARED_HOLDOUT, truth.size(), beforeHoldout.size(), afterHoldout.size()));
    }

    /** A manifest's boxes of one task as the analytics read them. */
    static List<LabeledBox> boxes(long task, List<ModelManifest.Box> boxes) {
        return boxes.stream().map(b -> new LabeledBox(task, b.label(), b.score(), b.x(), b.y(), b.width(), b.height())).toList();
    }

    private static Map<Long, ModelManifest.BoxHoldout> boxHoldout(ModelManifest manifest) {
        Map<Long, ModelManifest.BoxHoldout> map = new LinkedHashMap<>();
        if (manifest.detection() != null) {
            manifest.detection().holdout().forEach(h -> map.put(h.taskId(), h));
        }
        return map;
    }
}
