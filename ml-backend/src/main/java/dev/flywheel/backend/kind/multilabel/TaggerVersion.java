package dev.flywheel.backend.kind.multilabel;

import dev.flywheel.backend.inference.ClassifierOutput;
import dev.flywheel.backend.inference.LoadedTagger;
import dev.flywheel.backend.kind.LoadedVersion;
import dev.flywheel.backend.kind.Prelabel;
import dev.flywheel.backend.labelconfig.ServingTarget;
import dev.flywheel.backend.registry.ModelManifest;
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
 * A multi-label version serving {@code /predict}: per image one {@code choices} region listing every tag whose
 * probability reaches its threshold (the control's {@code model_score_threshold} for all tags when set, else each
 * label's calibrated one); its score is the least probability among them, the confidence that all of them hold.
 */
final class TaggerVersion extends LoadedVersion {

    /** The control attribute Label Studio's examples read for the serving threshold. */
    static final String SCORE_THRESHOLD_ATTRIBUTE = "model_score_threshold";

    private final LoadedTagger tagger;
    private final List<String> labels;
    private final double[] calibrated;

    TaggerVersion(LoadedTagger tagger) {
        super(tagger.manifest().version());
        this.tagger = tagger;
        this.labels = tagger.manifest().labels();
        this.calibrated = thresholds(tagger.manifest());
    }

    @Override
    public List<Prelabel> prelabel(ServingTarget target, List<BufferedImage> images) {
        Optional<Double> override = target.control().doubleAttribute(SCORE_THRESHOLD_ATTRIBUTE).filter(t -> t >= 0 && t <= 1);
        List<Prelabel> prelabels = new ArrayList<>(images.size());
        for (ClassifierOutput output : tagger.predict(images)) {
            float[] p = output.probabilities();
            List<String> chosen = new ArrayList<>();
            double score = 1;
            for (int j = 0; j < labels.size(); j++) {
                if (p[j] >= override.orElse(calibrated[j])) {
                    chosen.add(labels.get(j));
                    score = Math.min(score, p[j]);
                }
            }
            Map<String, Double> probabilities = new LinkedHashMap<>();
            for (int j = 0; j < labels.size(); j++) {
                probabilities.put(labels.get(j), (double) p[j]);
            }
            // No tag reaches its threshold: an empty result, which Label Studio stores as "nothing proposed".
            List<Region> result = chosen.isEmpty() ? List.of()
                    : List.of(new ChoicesRegion(RegionHeader.of(target.control().name(), target.image().name(), score),
                            new ChoicesRegion.Value(chosen, null)));
            double taskScore = chosen.isEmpty() ? 0 : Math.clamp(score, 0.0, 1.0);
            prelabels.add(new Prelabel(Prediction.of(result, taskScore, version()), chosen, Optional.of(probabilities),
                    Optional.of(output.embedding())));
        }
        return prelabels;
    }

    @Override
    public boolean describesImages() {
        return true;
    }

    @Override
    protected void free() {
        tagger.close();
    }

    /** Per label the manifest's calibrated threshold, one half where it has none. */
    static double[] thresholds(ModelManifest manifest) {
        double[] thresholds = new double[manifest.labels().size()];
        for (int j = 0; j < thresholds.length; j++) {
            Double t = manifest.multiLabel() == null ? null : manifest.multiLabel().thresholds().get(manifest.labels().get(j));
            thresholds[j] = t == null ? 0.5 : t;
        }
        return thresholds;
    }
}
