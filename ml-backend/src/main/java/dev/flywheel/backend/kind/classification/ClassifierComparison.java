package dev.flywheel.backend.kind.classification;

import dev.flywheel.backend.analytics.HoldOutPrediction;
import dev.flywheel.backend.analytics.RunComparison;
import dev.flywheel.backend.insights.IncomparableException;
import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.model.api.CompareReply;
import dev.flywheel.model.api.EvaluationSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Two classifier versions on the hold-out tasks both kept out, which the hash split makes their shared ones. */
final class ClassifierComparison {

    private ClassifierComparison() {}

    static CompareReply compare(ModelManifest before, ModelManifest after) {
        Map<Long, HoldOutPrediction> beforeHoldout = holdout(before);
        Map<Long, HoldOutPrediction> afterHoldout = holdout(after);
        Set<Long> shared = new HashSet<>(beforeHoldout.keySet());
        shared.retainAll(afterHoldout.keySet());
        if (shared.isEmpty()) {
            throw new IncomparableException(before.version() + " and " + after.version() + " share no hold-out task to compare them on");
        }
        EvaluationSet evaluation = new EvaluationSet(EvaluationSet.SHARED_HOLDOUT, shared.size(), beforeHoldout.size(), afterHoldout.size());
        beforeHoldout.keySet().retainAll(shared);
        afterHoldout.keySet().retainAll(shared);
        return RunComparison.compare(before.version(), after.version(), after.labels(), beforeHoldout, afterHoldout,
                before.trainingLabels(), after.trainingLabels()).withEvaluation(evaluation);
    }

    private static Map<Long, HoldOutPrediction> holdout(ModelManifest manifest) {
        Map<Long, HoldOutPrediction> map = new LinkedHashMap<>();
        manifest.holdout().forEach(h -> map.put(h.taskId(), new HoldOutPrediction(h.given(), h.predicted())));
        return map;
    }
}
