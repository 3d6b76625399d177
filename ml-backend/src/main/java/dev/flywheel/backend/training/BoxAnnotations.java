package dev.flywheel.backend.training;

import dev.flywheel.backend.analytics.LabeledBox;
import dev.flywheel.backend.labelconfig.ServingTarget;
import dev.flywheel.model.labelstudio.Annotation;
import dev.flywheel.model.labelstudio.RectangleLabelsRegion;
import dev.flywheel.model.labelstudio.Region;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The training boxes of one annotation: every {@code rectanglelabels} region of the served control, in percent of the
 * image, with its label.
 *
 * <p>A skipped annotation gives none. Rotated boxes, and boxes drawn on a rotated image, are ignored and counted: an
 * axis-aligned detector cannot learn them, and turning them into their bounding boxes would teach it loose boxes.
 * Labels the config no longer has are ignored and counted too.
 */
final class BoxAnnotations {

    private BoxAnnotations() {}

    /**
     * What one annotation contributes.
     *
     * @param boxes the usable boxes, in percent of the image
     * @param rotatedIgnored boxes left out because they or their image were rotated
     * @param unknownLabelIgnored boxes left out because their label is not in the config
     */
    public record Boxes(List<LabeledBox> boxes, int rotatedIgnored, int unknownLabelIgnored) {

        public Boxes {
            boxes = List.copyOf(boxes);
        }

        /** A note for the run's log, or empty when nothing was left out. */
        public String note() {
            List<String> parts = new ArrayList<>();
            if (rotatedIgnored > 0) {
                parts.add(rotatedIgnored + " rotated box(es) ignored (the detector learns axis-aligned boxes only)");
            }
            if (unknownLabelIgnored > 0) {
                parts.add(unknownLabelIgnored + " box(es) with a label no longer in the config ignored");
            }
            return String.join("; ", parts);
        }
    }

    /** The boxes of {@code annotation} on task {@code taskId} for the served control of {@code target}. */
    public static Boxes of(long taskId, Annotation annotation, ServingTarget target) {
        Objects.requireNonNull(annotation, "annotation");
        if (annotation.skipped()) {
            return new Boxes(List.of(), 0, 0);
        }
        return of(taskId, annotation.resultOrEmpty(), target);
    }

    /** The boxes of a result array. */
    public static Boxes of(long taskId, List<Region> result, ServingTarget target) {
        Set<String> labels = Set.copyOf(target.control().labelValues());
        List<LabeledBox> boxes = new ArrayList<>();
        int rotated = 0;
        int unknown = 0;
        for (Region region : result) {
            if (!(region instanceof RectangleLabelsRegion box) || !target.control().name().equals(box.fromName())) {
                continue;
            }
            RectangleLabelsRegion.Value v = box.value();
            if (v.x() == null || v.y() == null || v.width() == null || v.height() == null) {
                continue;
            }
            if (turned(v.rotation()) || turned(box.header().imageRotation())) {
                rotated++;
                continue;
            }
            for (String label : v.labels()) {
                if (labels.contains(label)) {
                    boxes.add(LabeledBox.truth(taskId, label, v.x(), v.y(), Math.max(0, v.width()), Math.max(0, v.height())));
                } else {
                    unknown++;
                }
            }
        }
        return new Boxes(boxes, rotated, unknown);
    }

    private static boolean turned(Double degrees) {
        if (degrees == null) {
            return false;
        }
        double normalized = ((degrees % 360) + 360) % 360;
        return Math.min(normalized, 360 - normalized) > 1e-6;
    }
}
