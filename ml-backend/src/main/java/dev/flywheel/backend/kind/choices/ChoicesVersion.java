package dev.flywheel.backend.kind.choices;

import dev.flywheel.backend.inference.ClassifierOutput;
import dev.flywheel.backend.inference.LoadedClassifier;
import dev.flywheel.backend.kind.LoadedVersion;
import dev.flywheel.backend.kind.Prelabel;
import dev.flywheel.backend.labelconfig.ControlTag;
import dev.flywheel.backend.labelconfig.ServingTarget;
import dev.flywheel.model.labelstudio.ChoicesRegion;
import dev.flywheel.model.labelstudio.Prediction;
import dev.flywheel.model.labelstudio.Region;
import dev.flywheel.model.labelstudio.RegionHeader;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A choice kind's version serving {@code /predict}: per image one {@code choices} region with the labels the kind
 * chooses from the probabilities, scored by the least probability among them (the confidence that all of them hold),
 * the probabilities of every label for the log, and the embedding for drift. Nothing chosen is an empty result, which
 * Label Studio stores as "nothing proposed".
 */
public abstract class ChoicesVersion extends LoadedVersion {

    private final LoadedClassifier network;
    private final List<String> labels;

    protected ChoicesVersion(LoadedClassifier network) {
        super(network.manifest().version());
        this.network = network;
        this.labels = network.manifest().labels();
    }

    /** The indices of the labels to propose, in label order, for one image's probabilities under {@code control}. */
    protected abstract List<Integer> choose(ControlTag control, float[] probabilities);

    @Override
    public final List<Prelabel> prelabel(ServingTarget target, List<BufferedImage> images) {
        List<Prelabel> prelabels = new ArrayList<>(images.size());
        for (ClassifierOutput output : network.predict(images)) {
            float[] p = output.probabilities();
            List<String> chosen = new ArrayList<>();
            double score = 1;
            for (int k : choose(target.control(), p)) {
                chosen.add(labels.get(k));
                score = Math.min(score, p[k]);
            }
            score = chosen.isEmpty() ? 0 : Math.clamp(score, 0.0, 1.0);
            List<Region> result = chosen.isEmpty() ? List.of()
                    : List.of(new ChoicesRegion(RegionHeader.of(target.control().name(), target.image().name(), score),
                            new ChoicesRegion.Value(chosen, null)));
            Map<String, Double> probabilities = new LinkedHashMap<>();
            for (int k = 0; k < labels.size(); k++) {
                probabilities.put(labels.get(k), (double) p[k]);
            }
            prelabels.add(new Prelabel(Prediction.of(result, score, version()), chosen, Optional.of(probabilities),
                    Optional.of(output.embedding())));
        }
        return prelabels;
    }

    @Override
    public final boolean describesImages() {
        return true;
    }

    @Override
    protected final void free() {
        network.close();
    }
}
