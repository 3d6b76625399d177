package dev.flywheel.backend.analytics;

/** Which examples confident learning flags as label issues (cleanlab's {@code filter_by}). */
public enum IssueFilter {
    /**
     * For each off-diagonal cell (given i, true j) of the calibrated joint, flag the n·Q[i][j] examples labelled i
     * with the largest margin p_j − p_i. cleanlab's default; counts come from the joint, order from the margin.
     */
    PRUNE_BY_NOISE_RATE,
    /** Flag exactly the examples that fall off the diagonal of the confident joint. */
    CONFIDENT_LEARNING,
    /**
     * Flag the examples predicted as another class whose given label has less than {@link
     * ConfidentLearning#RELATIVE_CONFIDENCE} of the probability the model typically gives that label on examples
     * labelled with it (the confident joint's threshold). Flywheel's default: the confident joint counts every
     * confusion of look-alike classes as a label error, so on 1,000 Fashion-MNIST labels with 10 % flipped it flagged
     * 18–20 %; this flags about the flipped share (see docs/label-issues.md).
     */
    RELATIVE_CONFIDENCE
}
