package dev.flywheel.model.api;

/**
 * How the labelled data changed between two versions' training runs.
 *
 * @param added tasks added
 * @param removed tasks removed
 * @param relabeled tasks whose label changed
 */
public record DataDiff(long added, long removed, long relabeled) {

    public DataDiff {
        Checks.nonNegative("added removed relabeled", added, removed, relabeled);
    }
}
