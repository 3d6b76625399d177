package dev.flywheel.eclipse.core.display;

import java.util.Locale;

/** Says whether a metric's change is an improvement: higher is better, except for losses and error rates. */
public final class Deltas {

    /** How a change reads. */
    public enum Direction {
        /** The candidate is better. */
        BETTER,
        /** The candidate is worse. */
        WORSE,
        /** No change, or nothing to compare. */
        SAME
    }

    private Deltas() {}

    /** The direction of {@code delta} (candidate minus base) of the metric named {@code name}. */
    public static Direction direction(String name, Double delta) {
        if (delta == null || Math.abs(delta) < 1e-9) {
            return Direction.SAME;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        boolean lowerIsBetter = lower.contains("loss") || lower.contains("error") || lower.contains("seconds"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
        return (delta > 0) != lowerIsBetter ? Direction.BETTER : Direction.WORSE;
    }
}
