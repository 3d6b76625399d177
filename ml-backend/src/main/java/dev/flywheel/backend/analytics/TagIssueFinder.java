package dev.flywheel.backend.analytics;

import dev.flywheel.model.api.LabelIssue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Likely tag errors of a multi-label project: each label is its own two-class problem (tag absent or present) and
 * confident learning runs on it as on a classification, cleanlab's one-vs-rest treatment of multi-label data. A task
 * given without a tag the model confidently sees is a {@link LabelIssue#MISSING} tag; a tag the model confidently does
 * not see is {@link LabelIssue#SPURIOUS}.
 */
public final class TagIssueFinder {

    private static final List<String> ABSENT_PRESENT = List.of("absent", "present");

    private TagIssueFinder() {}

    /**
     * One labelled task with a model's out-of-sample tag probabilities.
     *
     * @param given per label whether the task has the tag
     * @param probabilities per label the probability of the tag, from a model that did not train on the task
     */
    public record TaggedPrediction(long taskId, Long annotationId, boolean[] given, double[] probabilities) {

        public TaggedPrediction {
            given = given.clone();
            probabilities = probabilities.clone();
            if (given.length != probabilities.length) {
                throw new IllegalArgumentException("task " + taskId + ": tags and probabilities do not line up");
            }
        }
    }

    /** Every (task, tag) issue, most likely wrong first. */
    public static List<LabelIssue> find(List<String> labels, List<TaggedPrediction> tasks) {
        Objects.requireNonNull(labels, "labels");
        List<LabelIssue> issues = new ArrayList<>();
        for (int j = 0; j < labels.size(); j++) {
            List<OutOfSamplePrediction> binary = new ArrayList<>(tasks.size());
            int present = 0;
            for (TaggedPrediction t : tasks) {
                double p = Math.clamp(t.probabilities()[j], 0.0, 1.0);
                boolean given = t.given()[j];
                present += given ? 1 : 0;
                binary.add(new OutOfSamplePrediction(t.taskId(), t.annotationId(), given ? 1 : 0, new double[] {1 - p, p}));
            }
            // A label every task has, or none has, gives confident learning nothing to contrast.
            if (present == 0 || present == tasks.size()) {
                continue;
            }
            String tag = labels.get(j);
            for (LabelIssue issue : ConfidentLearning.findLabelIssues(ABSENT_PRESENT, binary, IssueFilter.PRUNE_BY_NOISE_RATE,
                    IssueRanking.SELF_CONFIDENCE)) {
                String kind = "present".equals(issue.givenLabel()) ? LabelIssue.SPURIOUS : LabelIssue.MISSING;
                issues.add(LabelIssue.tag(issue.taskId(), issue.annotationId(), tag, kind, issue.selfConfidence(), issue.score()));
            }
        }
        issues.sort(Comparator.comparingDouble(LabelIssue::score).reversed().thenComparingLong(LabelIssue::taskId));
        return List.copyOf(issues);
    }
}
