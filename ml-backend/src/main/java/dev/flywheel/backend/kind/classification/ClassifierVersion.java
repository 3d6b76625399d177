package dev.flywheel.backend.kind.classification;

import dev.flywheel.backend.inference.ClassifierOutput;
import dev.flywheel.backend.inference.LoadedClassifier;
import dev.flywheel.backend.kind.LoadedVersion;
import dev.flywheel.backend.kind.Prelabel;
import dev.flywheel.backend.labelconfig.ControlTag;
import dev.flywheel.backend.labelconfig.ServingTarget;
import dev.flywheel.model.labelstudio.ChoicesRegion;
import dev.flywheel.model.labelstudio.Prediction;
import dev.flywheel.model.labelstudio.RegionHeader;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A classifier version serving {@code /predict}: per image a {@code choices} region with the most likely label and
 * its calibrated probability as the score, the probabilities of every label for the log, and the embedding for drift.
 */
final class ClassifierVersion extends LoadedVersion {

    private final LoadedClassifier classifier;
    private final List<String> labels;

    ClassifierVersion(LoadedClassifier classifier) {
        super(classifier.manifest().version());
        this.classifier = classifier;
        this.labels = classifier.manifest().labels();
    }

    @Override
    public List<Prelabel> prelabel(ServingTarget target, List<BufferedImage> images) {
        List<Prelabel> prelabels = new ArrayList<>(images.size());
        for (ClassifierOutput output : classifier.predict(images)) {
            float[] probabilities = output.probabilities();
            List<String> chosen = choose(target.control(), probabilities);
            double score = scoreOf(probabilities, chosen);
            ChoicesRegion region = new ChoicesRegion(RegionHeader.of(target.control().name(), target.image().name(), score),
                    new ChoicesRegion.Value(chosen, null));
            prelabels.add(new Prelabel(Prediction.of(List.of(region), score, version()), chosen,
                    Optional.of(probabilityMap(probabilities)), Optional.of(output.embedding())));
        }
        return prelabels;
    }

    @Override
    public boolean describesImages() {
        return true;
    }

    @Override
    protected void free() {
        classifier.close();
    }

    /** Single choice: the most likely label. Multiple choice: every label above one half, at least the most likely. */
    private List<String> choose(ControlTag control, float[] probabilities) {
        int best = 0;
        for (int k = 1; k < probabilities.length; k++) {
            if (probabilities[k] > probabilities[best]) {
                best = k;
            }
        }
        if (!control.multiple()) {
            return List.of(labels.get(best));
        }
        List<String> chosen = new ArrayList<>();
        for (int k = 0; k < probabilities.length; k++) {
            if (k == best || probabilities[k] >= 0.5f) {
                chosen.add(labels.get(k));
            }
        }
        return chosen;
    }

    private double scoreOf(float[] probabilities, List<String> chosen) {
        double min = 1;
        for (String label : chosen) {
            min = Math.min(min, probabilities[labels.indexOf(label)]);
        }
        return Math.max(0, Math.min(1, min));
    }

    private Map<String, Double> probabilityMap(float[] probabilities) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int k = 0; k < labels.size(); k++) {
            map.put(labels.get(k), (double) probabilities[k]);
        }
        return map;
    }
}
