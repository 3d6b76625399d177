package dev.flywheel.backend.kind.multilabel;

import dev.flywheel.backend.inference.LoadedClassifier;
import dev.flywheel.backend.kind.choices.ChoicesVersion;
import dev.flywheel.backend.labelconfig.ControlTag;
import dev.flywheel.backend.registry.ModelManifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A multi-label version serving {@code /predict}: per image one {@code choices} region listing every tag whose
 * probability reaches its threshold (the control's {@code model_score_threshold} for all tags when set, else each
 * label's calibrated one); no tag reaching it is an empty result.
 */
final class TaggerVersion extends ChoicesVersion {

    /** The control attribute Label Studio's examples read for the serving threshold. */
    static final String SCORE_THRESHOLD_ATTRIBUTE = "model_score_threshold";

    private final double[] calibrated;

    TaggerVersion(LoadedClassifier tagger) {
        super(tagger);
        this.calibrated = thresholds(tagger.manifest());
    }

    @Override
    protected List<Integer> choose(ControlTag control, float[] probabilities) {
        Optional<Double> override = control.doubleAttribute(SCORE_THRESHOLD_ATTRIBUTE).filter(t -> t >= 0 && t <= 1);
        List<Integer> chosen = new ArrayList<>();
        for (int j = 0; j < calibrated.length; j++) {
            if (probabilities[j] >= override.orElse(calibrated[j])) {
                chosen.add(j);
            }
        }
        return chosen;
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
