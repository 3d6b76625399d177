package dev.flywheel.backend.kind.detection;

import dev.flywheel.backend.inference.Detection;
import dev.flywheel.backend.inference.Detector;
import dev.flywheel.backend.kind.LoadedVersion;
import dev.flywheel.backend.kind.Prelabel;
import dev.flywheel.backend.labelconfig.ServingTarget;
import dev.flywheel.model.labelstudio.Prediction;
import dev.flywheel.model.labelstudio.Region;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A detector serving {@code /predict}: per image a {@code rectanglelabels} prediction of its boxes, as the policy filters them. */
final class DetectorVersion extends LoadedVersion {

    private final Detector detector;
    private final BoxRegions regions;

    DetectorVersion(Detector detector, BoxRegions regions) {
        super(detector.version());
        this.detector = detector;
        this.regions = regions;
    }

    @Override
    public List<Prelabel> prelabel(ServingTarget target, List<BufferedImage> images) {
        List<List<Detection>> found = detector.detect(images);
        List<Prelabel> prelabels = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            BufferedImage image = images.get(i);
            Prediction prediction = regions.prediction(target, image.getWidth(), image.getHeight(), found.get(i), version());
            List<String> labels = prediction.result().stream().map(Region::labels).flatMap(List::stream).toList();
            prelabels.add(new Prelabel(prediction, labels, Optional.empty(), Optional.empty()));
        }
        return prelabels;
    }

    @Override
    protected void free() {
        detector.close();
    }
}
