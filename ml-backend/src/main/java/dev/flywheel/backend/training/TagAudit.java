package dev.flywheel.backend.training;

import dev.flywheel.backend.kind.choices.ChoiceAudit;
import dev.flywheel.backend.registry.AuditFiles;
import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.backend.store.FlywheelStore;
import java.util.Arrays;
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
    private final KFold folds;

    public TagAudit(FlywheelStore store, TagTraining training, TrainingSettings settings, AuditFiles audits, int folds) {
        this.folds = new KFold(folds, settings.seed());
        this.store = store;
        this.training = training;
        this.settings = settings;
        this.audits = audits;
    }

    /** Audits the data behind {@code manifest}; a no-op with fewer than two tasks per fold. */
    @Override
    public void run(ModelManifest manifest, BooleanSupplier cancelled) {
        long started = System.nanoTime();
        long project = manifest.project();
        List<String> labels = manifest.labels();
        List<TagTrainer.Tagged> tagged = training.tagged(project, TaggedTask.perTask(store.annotations().trainingSet(project), labels), labels);
        if (tagged.size() < folds.folds() * 2) {
            return;
        }
        TagTrainer trainer = new TagTrainer(settings.forFold(Math.max(1, settings.imageBudget() / 2)));
        Map<Long, List<Double>> outOfFold = folds.outOfFold(tagged, t -> t.example().taskId(), train -> !train.isEmpty(), (train, held) ->
                Arrays.asList(trainer.fit(train, held, labels.size(), cancelled, Optional.empty(), model -> {}).probabilities()));
        audits.write(new AuditFiles.Audit(project, manifest.version(), folds.folds(), labels, outOfFold));
        LOG.info("project {}: {}-fold tag audit of {} covered {} tasks in {} s", project, folds.folds(), manifest.version(), outOfFold.size(),
                Math.round((System.nanoTime() - started) / 1e9));
    }
}
