package dev.flywheel.backend.analytics;

import dev.flywheel.model.api.IssueBox;
import dev.flywheel.model.api.LabelIssue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Likely box errors of a detection project, from out-of-sample detector predictions matched to the annotated boxes by
 * overlap: a confident prediction where nothing was drawn (possibly missing), a drawn box no prediction supports
 * (possibly spurious), a drawn box the detector finds confidently under another label (possibly swapped). Most
 * confident first.
 *
 * <p>Matching ignores labels, so that a box with the wrong label is reported as swapped rather than as one missing and
 * one spurious box.
 */
public final class BoxIssues {

    /** Overlap at which a prediction and a drawn box are the same object (the mAP@0.5 criterion). */
    static final double MATCH_IOU = 0.5;
    /** A prediction overlapping a drawn box at least this much is not reported missing: it may just be placed badly. */
    static final double NEAR_IOU = 0.3;
    /** A prediction from this score would be served as a pre-label (the default serving threshold): where nobody drew a box, one may be missing. */
    static final double SERVED = 0.25;
    /** A different label must be at least this sure, and surer than the drawn label, to call a box swapped. */
    static final double CONFIDENT = 0.5;
    /**
     * A drawn box whose best overlapping prediction scores below this is unsupported: nothing at all was predicted there
     * (trainers keep candidates from 0.01). A small detector is often unsure of real objects, at 0.01–0.25; at 0.1 a
     * third of the spurious issues on the box-issue benchmark were real objects and its precision was 0.39, at 0.01 0.62
     * (docs/PERFORMANCE.md).
     */
    static final double SUPPORTED = 0.01;

    private BoxIssues() {}

    /** One annotated task: the annotation whose boxes are checked, and those boxes. */
    public record AnnotatedTask(long taskId, Long annotationId, List<LabeledBox> boxes) {

        public AnnotatedTask {
            boxes = List.copyOf(boxes);
        }
    }

    /**
     * The issues of the tasks that have predictions, ranked by confidence that the annotation is wrong.
     *
     * @param predicted task id → boxes predicted by a detector that did not train on that task; tasks without an entry
     *     have no evidence and are skipped
     */
    public static List<LabelIssue> find(List<AnnotatedTask> tasks, Map<Long, List<LabeledBox>> predicted) {
        List<LabelIssue> issues = new ArrayList<>();
        for (AnnotatedTask task : tasks) {
            List<LabeledBox> guesses = predicted.get(task.taskId());
            if (guesses != null) {
                check(task, guesses, issues);
            }
        }
        issues.sort(Comparator.comparingDouble(LabelIssue::score).reversed().thenComparingLong(LabelIssue::taskId));
        return issues;
    }

    private static void check(AnnotatedTask task, List<LabeledBox> guesses, List<LabelIssue> issues) {
        for (LabeledBox drawn : task.boxes()) {
            double support = 0;
            double sameLabel = 0;
            LabeledBox otherLabel = null;
            for (LabeledBox guess : guesses) {
                if (guess.iou(drawn) < MATCH_IOU) {
                    continue;
                }
                support = Math.max(support, guess.score());
                if (guess.label().equals(drawn.label())) {
                    sameLabel = Math.max(sameLabel, guess.score());
                } else if (otherLabel == null || guess.score() > otherLabel.score()) {
                    otherLabel = guess;
                }
            }
            if (support < SUPPORTED) {
                issues.add(new LabelIssue(task.taskId(), task.annotationId(), drawn.label(), null, sameLabel, 1 - support,
                        LabelIssue.SPURIOUS, box(drawn)));
            } else if (otherLabel != null && otherLabel.score() >= CONFIDENT && otherLabel.score() > sameLabel) {
                issues.add(new LabelIssue(task.taskId(), task.annotationId(), drawn.label(), otherLabel.label(), sameLabel,
                        otherLabel.score(), LabelIssue.SWAPPED, box(drawn)));
            }
        }
        List<LabeledBox> reported = new ArrayList<>();
        guesses.stream().filter(g -> g.score() >= SERVED).sorted(Comparator.comparingDouble(LabeledBox::score).reversed()).forEach(guess -> {
            boolean near = task.boxes().stream().anyMatch(b -> b.iou(guess) >= NEAR_IOU);
            // Class-wise NMS can leave one object predicted under two labels: report it once.
            boolean again = reported.stream().anyMatch(r -> r.iou(guess) >= MATCH_IOU);
            if (!near && !again) {
                reported.add(guess);
                issues.add(new LabelIssue(task.taskId(), task.annotationId(), null, guess.label(), 1 - guess.score(), guess.score(),
                        LabelIssue.MISSING, box(guess)));
            }
        });
    }

    private static IssueBox box(LabeledBox b) {
        Objects.requireNonNull(b, "box");
        return new IssueBox(b.left(), b.top(), b.width(), b.height());
    }
}
