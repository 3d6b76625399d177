package dev.flywheel.backend.training;

import dev.flywheel.backend.kind.choices.ChoiceAudit;
import dev.flywheel.backend.registry.AuditFiles;
import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.backend.store.FlywheelStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit after a multi-label run: K-fold cross-validation over every tagged task, so each one gets tag
 * probabilities from a network that never saw it, for the tag issues. Folds follow the stable task hash and train on
 * half the image budget (the classifier's folds take a quarter; the tag audit was measured on half, see MultiLabelFlywheelTest).
 */
public final class TagAudit implements ChoiceAudit {

    private static final Logger LOG = LoggerFactory.getLogger(TagAudit.class);

    private final FlywheelStore store;
    private final TagTraining training;
    private final TrainingSettings settings;
    private final AuditFiles audits;
    private final int folds;

    public TagAudit(FlywheelStore store, TagTraining training, TrainingSettings settings, AuditFiles audits, int folds) {
        if (folds < 2) {
            throw new IllegalArgumentException("cross-validation needs at least two folds");
        }
        this.store = store;
        this.training = training;
        this.settings = settings;
        this.audits = audits;
        this.folds = folds;
    }

    /** Audits the data behind {@code manifest}; a no-op with fewer than two tasks per fold. */
    @Override
    public void run(ModelManifest manifest, BooleanSupplier cancelled) {
        long started = System.nanoTime();
        long project = manifest.project();
        List<String> labels = manifest.labels();
        List<TagTrainer.Tagged> tagged = training.tagged(project, TaggedTask.perTask(store.annotations().trainingSet(project), labels), labels);
        if (tagged.size() < folds * 2) {
            return;
        }
        TrainingSettings foldSettings = new TrainingSettings(settings.inputSize(), settings.batchSize(), settings.learningRate(),
                Math.max(1, settings.imageBudget() / 2), settings.minEpochs(), settings.maxEpochs(), 0.0, settings.seed(), settings.augmentation());
        TagTrainer trainer = new TagTrainer(foldSettings);
        Map<Long, List<Double>> outOfFold = new HashMap<>();
        for (int fold = 0; fold < folds; fold++) {
            List<TagTrainer.Tagged> train = new ArrayList<>();
            List<TagTrainer.Tagged> held = new ArrayList<>();
            for (TagTrainer.Tagged t : tagged) {
                (foldOf(t.example().taskId()) == fold ? held : train).add(t);
            }
            if (held.isEmpty() || train.isEmpty()) {
                continue;
            }
            double[][] probabilities = trainer.fit(train, held, labels.size(), cancelled, Optional.empty(), model -> {}).probabilities();
            for (int i = 0; i < held.size(); i++) {
                outOfFold.put(held.get(i).example().taskId(), Arrays.stream(probabilities[i]).boxed().toList());
            }
        }
        audits.write(new AuditFiles.Audit(project, manifest.version(), folds, labels, outOfFold));
        LOG.info("project {}: {}-fold tag audit of {} covered {} tasks in {} s", project, folds, manifest.version(), outOfFold.size(),
                Math.round((System.nanoTime() - started) / 1e9));
    }

    private int foldOf(long taskId) {
        return Math.min(folds - 1, (int) (HoldoutSplit.position(taskId, settings.seed() + 1) * folds));
    }
}
