package dev.flywheel.backend.kind.detection;

import dev.flywheel.backend.inference.Detection;
import dev.flywheel.backend.inference.NonMaxSuppression;
import dev.flywheel.backend.inference.PixelBox;
import dev.flywheel.backend.labelconfig.ControlTag;
import dev.flywheel.backend.labelconfig.ServingTarget;
import dev.flywheel.model.labelstudio.Prediction;
import dev.flywheel.model.labelstudio.RectangleLabelsRegion;
import dev.flywheel.model.labelstudio.Region;
import dev.flywheel.model.labelstudio.RegionHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a detector's boxes for one image into a Label Studio {@code rectanglelabels} prediction.
 *
 * <p>Model classes become labels through the control's {@code predicted_values} (a label also stands for itself);
 * classes the config does not know are dropped, so newer Label Studio's validation never rejects the batch. Then the
 * score threshold ({@code model_score_threshold} on the control, else the policy's), class-wise non-maximum
 * suppression on the labels, and percent coordinates of the image Label Studio shows (EXIF orientation applied),
 * clamped to 0–100.
 */
final class BoxRegions {

    /** The control attribute Label Studio's YOLO example reads for the serving threshold. */
    public static final String SCORE_THRESHOLD_ATTRIBUTE = "model_score_threshold";

    private final BoxPolicy policy;

    public BoxRegions(BoxPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** The score threshold that applies to a control. */
    public double scoreThreshold(ControlTag control) {
        return control.doubleAttribute(SCORE_THRESHOLD_ATTRIBUTE).filter(t -> t >= 0 && t <= 1).orElse(policy.defaultScoreThreshold());
    }

    /** The kept detections with their Label Studio labels, most confident first, boxes clamped to the image. */
    public List<Detection> keep(ServingTarget target, int imageWidth, int imageHeight, List<Detection> detections) {
        Map<String, String> classToLabel = target.control().modelClassToLabel();
        double threshold = scoreThreshold(target.control());
        List<Detection> candidates = new ArrayList<>();
        for (Detection detection : detections) {
            String label = classToLabel.get(detection.label());
            if (label == null || detection.score() < threshold) {
                continue;
            }
            PixelBox box = detection.box().clampTo(imageWidth, imageHeight);
            if (box.area() > 0) {
                candidates.add(new Detection(label, detection.score(), box));
            }
        }
        return NonMaxSuppression.classWise(candidates, policy.iouThreshold());
    }

    /** The prediction for one image: its regions, and as score their mean (0 when nothing was found). */
    public Prediction prediction(ServingTarget target, int imageWidth, int imageHeight, List<Detection> detections, String version) {
        if (imageWidth <= 0 || imageHeight <= 0) {
            throw new IllegalArgumentException("an image needs a positive size, was " + imageWidth + "x" + imageHeight);
        }
        List<Detection> kept = keep(target, imageWidth, imageHeight, detections);
        List<Region> regions = new ArrayList<>();
        double sum = 0;
        for (int i = 0; i < kept.size(); i++) {
            regions.add(region(target, "det" + i, kept.get(i), imageWidth, imageHeight));
            sum += kept.get(i).score();
        }
        double score = kept.isEmpty() ? 0.0 : Math.clamp(sum / kept.size(), 0.0, 1.0);
        return Prediction.of(regions, score, version);
    }

    private static RectangleLabelsRegion region(ServingTarget target, String id, Detection detection, int width, int height) {
        PixelBox box = detection.box();
        RectangleLabelsRegion.Value value = new RectangleLabelsRegion.Value(
                percent(box.left(), width),
                percent(box.top(), height),
                percent(box.width(), width),
                percent(box.height(), height),
                0.0,
                List.of(detection.label()),
                null);
        RegionHeader header = RegionHeader.of(target.control().name(), target.image().name(), detection.score());
        return new RectangleLabelsRegion(header.withImage(id, width, height, null), value);
    }

    private static double percent(double pixels, int size) {
        return Math.clamp(pixels * 100.0 / size, 0.0, 100.0);
    }
}
