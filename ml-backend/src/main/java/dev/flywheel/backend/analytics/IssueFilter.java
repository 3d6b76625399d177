package dev.flywheel.backend.analytics;

/** Which examples confident learning flags as label issues (cleanlab's {@code filter_by}). */
public enum IssueFilter {
    /**
     * For each off-diagonal cell (given i, true j) of the calibrated joint, flag the n·Q[i][j] examples labelled i
     * with the largest margin p_j − p_i. cleanlab's default; counts come from the joint, order from the margin.
     */
    PRUNE_BY_NOISE_RATE,
    /** Flag exactly the examples that fall off the diagonal of the confident joint. */
    CONFIDENT_LEARNING
}
