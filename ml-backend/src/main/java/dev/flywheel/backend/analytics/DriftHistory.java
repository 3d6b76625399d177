package dev.flywheel.backend.analytics;

import dev.flywheel.model.api.DriftPoint;
import dev.flywheel.model.api.DriftReport;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a drift window into consecutive parts, so the same test run on each part shows when the inputs began to move:
 * as many equal parts as hold at least the minimum a test needs, at most {@link #MAX_WINDOWS}, oldest first.
 *
 * <p>The parts are recut as images arrive (their number grows with the window, up to the maximum): a history
 * describes the window of its report, not a log kept since the version was activated.
 */
public final class DriftHistory {

    /** Points in a history: enough for a chart to show a trend, few enough to keep the request cheap. */
    public static final int MAX_WINDOWS = 12;

    private DriftHistory() {}

    /** The {@code [from, to)} index ranges of {@code count} images cut into parts of at least {@code minSize}. */
    public static List<int[]> parts(int count, int minSize, int maxWindows) {
        if (minSize < 1 || maxWindows < 1) {
            throw new IllegalArgumentException("part size and count must be positive");
        }
        int parts = Math.min(maxWindows, count / minSize);
        List<int[]> ranges = new ArrayList<>(parts);
        for (int i = 0; i < parts; i++) {
            ranges.add(new int[] {(int) ((long) i * count / parts), (int) ((long) (i + 1) * count / parts)});
        }
        return ranges;
    }

    /** A part's report as one point of the history. */
    public static DriftPoint point(DriftReport part) {
        return new DriftPoint(part.window().from(), part.window().to(), part.window().samples(), part.statistic(), part.pValue(),
                part.drifted());
    }
}
