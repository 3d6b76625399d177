package dev.flywheel.backend.analytics;

import dev.flywheel.model.api.LearningCurve;
import dev.flywheel.model.api.LearningCurvePoint;
import java.util.Comparator;
import java.util.List;

/** Builds the learning-curve reply: versions by training size and what 100 more labels would buy. */
public final class LearningCurves {

    private LearningCurves() {}

    /**
     * Orders the points by training size and projects the gain per 100 more labels at the largest size from a fitted
     * {@link PowerLaw}, in accuracy for classifiers and in mAP@0.5 for detectors ({@link LearningCurvePoint#quality()});
     * the projection is null with fewer than three usable points (quality known, distinct positive sizes).
     */
    public static LearningCurve of(List<LearningCurvePoint> points) {
        List<LearningCurvePoint> ordered = points.stream()
                .sorted(Comparator.comparingLong(LearningCurvePoint::trainedOn).thenComparing(LearningCurvePoint::version))
                .toList();
        List<LearningCurvePoint> usable = ordered.stream()
                .filter(p -> p.quality() != null && p.trainedOn() > 0)
                .toList();
        double[] n = usable.stream().mapToDouble(LearningCurvePoint::trainedOn).toArray();
        double[] accuracy = usable.stream().mapToDouble(LearningCurvePoint::quality).toArray();
        PowerLaw fit = PowerLaw.fit(n, accuracy);
        Double gain = null;
        if (fit != null) {
            double g = fit.gainPer100LabelsAt(n[n.length - 1]);
            gain = Double.isFinite(g) ? g : null;
        }
        return new LearningCurve(ordered, gain);
    }
}
