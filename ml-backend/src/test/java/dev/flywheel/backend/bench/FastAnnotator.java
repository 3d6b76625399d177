package dev.flywheel.backend.bench;

import dev.flywheel.fixtures.Annotations;
import dev.flywheel.fixtures.simulator.LabelStudioSimulator;
import dev.flywheel.fixtures.simulator.Reply;
import dev.flywheel.model.labelstudio.ChoicesRegion;
import dev.flywheel.model.labelstudio.PredictResponse;
import dev.flywheel.model.labelstudio.Prediction;
import dev.flywheel.model.labelstudio.Task;
import dev.flywheel.model.labelstudio.WebhookResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * An annotator who labels at a steady pace the way Label Studio's editor drives a backend: each task opened asks
 * {@code /predict} for its pre-label, and each submission sends an {@code ANNOTATION_CREATED} webhook. It records what
 * the annotator saw: which version pre-labelled each task, which tasks got none, and how often the pre-label was right.
 */
final class FastAnnotator {

    /** About as fast as a person accepting correct pre-labels with one key press: 16 tasks a second. */
    static final double LABELS_PER_SECOND = 16;

    /** What one stretch of labelling showed the annotator. */
    record Seen(int labels, double seconds, List<String> versions, int firstPrelabel, int emptyAfter60, int correct, int prelabelled,
            long tenthLabelNanos, long firstPrelabelNanos, List<Double> ackMillis) {

        double labelsPerSecond() {
            return labels / seconds;
        }

        /** Share of pre-labels shown that were the annotator's label. */
        double prelabelAccuracy() {
            return prelabelled == 0 ? Double.NaN : (double) correct / prelabelled;
        }

        /** Seconds from the tenth label's webhook to the first task that opened with a pre-label (NaN when none did). */
        double secondsTenthToFirstPrelabel() {
            return firstPrelabelNanos == 0 || tenthLabelNanos == 0 ? Double.NaN : Math.max(0, firstPrelabelNanos - tenthLabelNanos) / 1e9;
        }
    }

    private final LabelStudioSimulator ls;
    private final FashionMnist data;
    private final List<Task> tasks;
    private final long firstAnnotationId;
    private int next;
    private boolean prelabelSeen;
    private long tenthLabelNanos;
    private long firstPrelabelNanos;

    FastAnnotator(LabelStudioSimulator ls, FashionMnist data, List<Task> tasks, long firstAnnotationId) {
        this.ls = ls;
        this.data = data;
        this.tasks = tasks;
        this.firstAnnotationId = firstAnnotationId;
    }

    /** Labels the next tasks up to (not including) index {@code until}, at {@link #LABELS_PER_SECOND}. */
    Seen labelUntil(int until) throws InterruptedException {
        long periodNanos = (long) (1e9 / LABELS_PER_SECOND);
        long start = System.nanoTime();
        Set<String> versions = new LinkedHashSet<>();
        List<Double> acks = new ArrayList<>();
        int firstPrelabel = 0;
        int emptyAfter60 = 0;
        int correct = 0;
        int prelabelled = 0;
        int from = next;
        for (; next < until; next++) {
            long due = start + (next - from) * periodNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            Task task = tasks.get(next);
            String truth = FashionMnist.LABELS.get(data.label(next));
            PredictResponse reply = ls.predict(List.of(task)).body();
            Prediction prediction = reply.predictions().isEmpty() ? null : reply.predictions().getFirst();
            boolean shown = prediction != null && !prediction.result().isEmpty();
            if (shown) {
                versions.add(prediction.modelVersion() != null ? prediction.modelVersion() : reply.modelVersion());
                prelabelled++;
                if (prediction.result().getFirst() instanceof ChoicesRegion region && region.value().labels().getFirst().equals(truth)) {
                    correct++;
                }
                if (!prelabelSeen) {
                    prelabelSeen = true;
                    firstPrelabelNanos = System.nanoTime();
                    firstPrelabel = next + 1;
                }
            } else if (next + 1 > 60) {
                emptyAfter60++;
            }
            long sent = System.nanoTime();
            Reply<WebhookResponse> ack = ls.annotate(task, Annotations.choice(firstAnnotationId + next, task.id(), truth));
            long acked = System.nanoTime();
            acks.add(Stats.millis(acked - sent));
            if (ack.status() != 201) {
                throw new IllegalStateException("webhook answered " + ack.status());
            }
            if (next + 1 == 10) {
                tenthLabelNanos = acked;
            }
        }
        return new Seen(until - from, (System.nanoTime() - start) / 1e9, List.copyOf(versions), firstPrelabel, emptyAfter60, correct,
                prelabelled, tenthLabelNanos, firstPrelabelNanos, acks);
    }
}
