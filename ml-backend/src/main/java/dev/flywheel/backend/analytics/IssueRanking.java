package dev.flywheel.backend.analytics;

/**
 * How flagged label issues are scored and ordered; the score is {@code 1 − label quality}, so higher means more
 * likely wrong.
 */
public enum IssueRanking {
    /** Quality is the probability of the given label. */
    SELF_CONFIDENCE {
        @Override
        double quality(OutOfSamplePrediction e) {
            return e.selfConfidence();
        }
    },
    /** Quality is {@code (p_given − max_other p + 1) / 2}, cleanlab's normalized margin, in [0, 1]. */
    NORMALIZED_MARGIN {
        @Override
        double quality(OutOfSamplePrediction e) {
            return (e.selfConfidence() - e.probability(e.bestOther()) + 1) / 2;
        }
    };

    /** The label quality in [0, 1]; low means the given label is probably wrong. */
    abstract double quality(OutOfSamplePrediction e);

    /** The ranking score: higher means more likely wrong. */
    public double score(OutOfSamplePrediction e) {
        return 1 - quality(e);
    }
}
