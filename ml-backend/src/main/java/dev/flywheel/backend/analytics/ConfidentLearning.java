package dev.flywheel.backend.analytics;

import dev.flywheel.model.api.LabelIssue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds probably-wrong labels with confident learning (Northcutt, Jiang and Chuang, 2021), the method of cleanlab's
 * {@code find_label_issues}; see {@code docs/label-issues.md}.
 */
public final class ConfidentLearning {

    private ConfidentLearning() {}

    /**
     * Flags label issues among {@code examples} and returns them most likely wrong first.
     *
     * @param labels label values by class index
     * @param examples out-of-sample predictions, all with {@code labels.size()} probabilities
     * @param filter which examples to flag
     * @param ranking how to score and order them
     */
    public static List<LabelIssue> findLabelIssues(
            List<String> labels, List<OutOfSamplePrediction> examples, IssueFilter filter, IssueRanking ranking) {
        if (examples.isEmpty()) {
            return List.of();
        }
        for (OutOfSamplePrediction e : examples) {
            if (e.classes() != labels.size()) {
                throw new IllegalArgumentException("task " + e.taskId() + " has " + e.classes()
                        + " probabilities for " + labels.size() + " labels");
            }
        }
        ConfidentJoint joint = ConfidentJoint.estimate(examples);
        boolean[] flagged = switch (filter) {
            case PRUNE_BY_NOISE_RATE -> NoiseRatePruning.flag(examples, joint);
            case CONFIDENT_LEARNING -> offDiagonal(examples.size(), joint);
        };
        List<LabelIssue> issues = new ArrayList<>();
        for (int n = 0; n < examples.size(); n++) {
            OutOfSamplePrediction e = examples.get(n);
            // As cleanlab: an example the model predicts as its given label is never an issue.
            if (flagged[n] && e.argmax() != e.given()) {
                issues.add(new LabelIssue(e.taskId(), e.annotationId(), labels.get(e.given()),
                        labels.get(e.bestOther()), e.selfConfidence(), ranking.score(e)));
            }
        }
        issues.sort(Comparator.comparingDouble(LabelIssue::score).reversed().thenComparingLong(LabelIssue::taskId));
        return List.copyOf(issues);
    }

    private static boolean[] offDiagonal(int size, ConfidentJoint joint) {
        boolean[] flagged = new boolean[size];
        joint.offDiagonal().forEach(n -> flagged[n] = true);
        return flagged;
    }
}
