package dev.flywheel.backend.kind.classification;

import dev.flywheel.backend.inference.LoadedClassifier;
import dev.flywheel.backend.kind.choices.ChoicesVersion;
import dev.flywheel.backend.labelconfig.ControlTag;
import java.util.ArrayList;
import java.util.List;

/**
 * A classifier version serving {@code /predict}: per image a {@code choices} region with the most likely label and
 * its calibrated probability as the score.
 */
final class ClassifierVersion extends ChoicesVersion {

    ClassifierVersion(LoadedClassifier classifier) {
        super(classifier);
    }

    /** Single choice: the most likely label. Multiple choice: every label above one half, at least the most likely. */
    @Override
    protected List<Integer> choose(ControlTag control, float[] probabilities) {
        int best = 0;
        for (int k = 1; k < probabilities.length; k++) {
            if (probabilities[k] > probabilities[best]) {
                best = k;
            }
        }
        if (!control.multiple()) {
            return List.of(best);
        }
        List<Integer> chosen = new ArrayList<>();
        for (int k = 0; k < probabilities.length; k++) {
            if (k == best || probabilities[k] >= 0.5f) {
                chosen.add(k);
            }
        }
        return chosen;
    }
}
