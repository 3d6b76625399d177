package dev.flywheel.backend.analytics;

import java.util.Objects;

/**
 * A box of one task's image, given by an annotator ({@code score} 1) or predicted by a detector; any consistent unit
 * (percent of the image, pixels).
 *
 * @param taskId the task whose image it is on
 * @param label the Label Studio label
 * @param score confidence in [0, 1]; 1 for an annotated box
 * @param left x of the left edge
 * @param top y of the top edge
 * @param width extent to the right, not negative
 * @param height extent downwards, not negative
 */
public record LabeledBox(long taskId, String label, double score, double left, double top, double width, double height) {

    public LabeledBox {
        Objects.requireNonNull(label, "label");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("a box score must be in [0, 1], was " + score);
        }
        if (!(width >= 0) || !(height >= 0)) {
            throw new IllegalArgumentException("a box cannot have a negative or undefined size");
        }
    }

    /** An annotated box. */
    public static LabeledBox truth(long taskId, String label, double left, double top, double width, double height) {
        return new LabeledBox(taskId, label, 1.0, left, top, width, height);
    }

    /** Intersection over union with another box; 0 when they do not overlap. */
    public double iou(LabeledBox other) {
        double w = Math.min(left + width, other.left + other.width) - Math.max(left, other.left);
        double h = Math.min(top + height, other.top + other.height) - Math.max(top, other.top);
        if (w <= 0 || h <= 0) {
            return 0;
        }
        double intersection = w * h;
        return intersection / (width * height + other.width * other.height - intersection);
    }
}
