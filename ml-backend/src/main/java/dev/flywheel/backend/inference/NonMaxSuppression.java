package dev.flywheel.backend.inference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Class-wise non-maximum suppression: of boxes of one class that overlap by more than a threshold, only the most
 * confident is kept. Boxes of different classes never suppress each other.
 */
public final class NonMaxSuppression {

    private NonMaxSuppression() {}

    /**
     * The kept detections, most confident first.
     *
     * @param iouThreshold a box is dropped when its IoU with a kept box of its class is above this, in (0, 1]
     */
    public static List<Detection> classWise(List<Detection> detections, double iouThreshold) {
        if (!(iouThreshold > 0 && iouThreshold <= 1)) {
            throw new IllegalArgumentException("the IoU threshold must be in (0, 1], was " + iouThreshold);
        }
        List<Detection> sorted = new ArrayList<>(detections);
        // Stable sort: equal scores keep the detector's order, so results are reproducible.
        sorted.sort(Comparator.comparingDouble(Detection::score).reversed());
        List<Detection> kept = new ArrayList<>();
        for (Detection candidate : sorted) {
            boolean suppressed = kept.stream()
                    .anyMatch(k -> k.label().equals(candidate.label()) && k.box().iou(candidate.box()) > iouThreshold);
            if (!suppressed) {
                kept.add(candidate);
            }
        }
        return List.copyOf(kept);
    }
}
