package dev.flywheel.eclipse.core.display;

import dev.flywheel.model.api.ClassApDelta;
import dev.flywheel.model.api.ClassF1Delta;
import dev.flywheel.model.api.CompareReply;

/**
 * The per-label change a comparison is charted by: F1 for two classifiers, AP@0.5 for two object detectors (whose
 * F1 list is empty).
 *
 * @param averagePrecision true when the figures are AP@0.5 changes, false for F1 changes
 * @param labels one bar per label
 * @param deltas candidate minus base per label, 0 where unknown
 */
public record PerClassChange(boolean averagePrecision, String[] labels, double[] deltas) {

    /** The change {@code reply} should be charted by. */
    public static PerClassChange of(CompareReply reply) {
        if (reply.perClass().isEmpty() && !reply.perClassAp().isEmpty()) {
            return new PerClassChange(true, reply.perClassAp().stream().map(ClassApDelta::label).toArray(String[]::new),
                    reply.perClassAp().stream().mapToDouble(d -> d.delta() == null ? 0 : d.delta()).toArray());
        }
        return new PerClassChange(false, reply.perClass().stream().map(ClassF1Delta::label).toArray(String[]::new),
                reply.perClass().stream().mapToDouble(d -> d.delta() == null ? 0 : d.delta()).toArray());
    }
}
