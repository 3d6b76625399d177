package dev.flywheel.backend.kind.detection;

/**
 * Which boxes become pre-labels.
 *
 * @param defaultScoreThreshold boxes below this score are dropped, unless the control sets {@code model_score_threshold}
 * @param iouThreshold class-wise non-maximum suppression drops a box overlapping a better one of its label by more
 */
public record BoxPolicy(double defaultScoreThreshold, double iouThreshold) {

    /** YOLO's usual serving values. */
    public static final BoxPolicy DEFAULTS = new BoxPolicy(0.25, 0.45);

    public BoxPolicy {
        if (!(defaultScoreThreshold >= 0 && defaultScoreThreshold <= 1)) {
            throw new IllegalArgumentException("the score threshold must be in [0, 1], was " + defaultScoreThreshold);
        }
        if (!(iouThreshold > 0 && iouThreshold <= 1)) {
            throw new IllegalArgumentException("the IoU threshold must be in (0, 1], was " + iouThreshold);
        }
    }
}
