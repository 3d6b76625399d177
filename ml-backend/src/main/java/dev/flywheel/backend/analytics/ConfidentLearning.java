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

    /**
     * How far below its class's typical probability a given label must fall to count as wrong under {@link
     * IssueFilter#RELATIVE_CONFIDENCE}: a tenth. On out-of-fold probabilities of 1,000 Fashion-MNIST images with 5,
     * 10 and 20 % of labels flipped, the flagged share stayed within 2 points of the flipped share (LabelIssueExperiment).
     */
    public static final double RELATIVE_CONFIDENCE = 0.1;

    private ConfidentLearning() {}

    /**
     * Flywheel's label issues: flagged by {@link IssueFilter#RELATIVE_CONFIDENCE}, ranked by self-confidence, with
     * the flagged share of the examples as the estimated noise rate.
     */
    public static Findings find(List<String> labels, List<OutOfSamplePrediction> examples) {
        List<LabelIssue> issues = findLabelIssues(labels, examples, IssueFilter.RELATIVE_CONFIDENCE, IssueRanking.SELF_CONFIDENCE);
        return new Findings(issues, examples.isEmpty() ? null : (double) issues.size() / examples.size());
    }

    /**
     * Label issues with the share of labels believed wrong.
     *
     * @param estimatedNoiseRate in [0, 1], null when there was nothing to judge
     */
    public record Findings(List<LabelIssue> issues, Double estimatedNoiseRate) {

        public Findings {
            issues = List.copyOf(issues);
        }
    }

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
            case RELATIVE_CONFIDENCE -> lowRelativeConfidence(examples, joint);
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

    private static boolean[] lowRelativeConfidence(List<OutOfSamplePrediction> examples, ConfidentJoint joint) {
        double[] typical = joint.thresholds();
        boolean[] flagged = new boolean[examples.size()];
        for (int n = 0; n < examples.size(); n++) {
            OutOfSamplePrediction e = examples.get(n);
            flagged[n] = e.selfConfidence() < RELATIVE_CONFIDENCE * typical[e.given()];
        }
        return flagged;
    }

    private static boolean[] offDiagonal(int size, ConfidentJoint joint) {
        boolean[] flagged = new boolean[size];
        joint.offDiagonal().forEach(n -> flagged[n] = true);
        return flagged;
    }
}
