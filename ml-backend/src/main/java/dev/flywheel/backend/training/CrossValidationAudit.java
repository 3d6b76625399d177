package dev.flywheel.backend.training;

import dev.flywheel.backend.inference.ImageTensors;
import dev.flywheel.backend.registry.AuditFiles;
import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.backend.store.FlywheelStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit after a training run: K-fold cross-validation over every labeled task, so each one gets class
 * probabilities from a model that never saw it — the input confident learning needs to find label errors.
 *
 * <p>Folds are assigned by the same stable task hash as the hold-out split, and each fold trains on a reduced image
 * budget: the audit ranks suspects, it does not ship a model.
 */
public final class CrossValidationAudit {

    private static final Logger LOG = LoggerFactory.getLogger(CrossValidationAudit.class);

    private final FlywheelStore store;
    private final DatasetAssembler assembler;
    private final TrainingSettings settings;
    private final AuditFiles audits;
    private final int folds;

    public CrossValidationAudit(FlywheelStore store, DatasetAssembler assembler, TrainingSettings settings, AuditFiles audits, int folds) {
        if (folds < 2) {
            throw new IllegalArgumentException("cross-validation needs at least two folds");
        }
        this.store = store;
        this.assembler = assembler;
        this.settings = settings;
        this.audits = audits;
        this.folds = folds;
    }

    /** Audits the data behind {@code manifest}; a no-op when a class has too few examples for the folds. */
    public void run(ModelManifest manifest, BooleanSupplier cancelled) {
        long project = manifest.project();
        List<String> labels = manifest.labels();
        Map<Long, DatasetAssembler.LabeledTask> perTask = DatasetAssembler.labelPerTask(store.annotations().trainingSet(project), labels);
        List<Example> examples = assembler.examples(project, perTask.values(), new ImageTensors(settings.inputSize()));
        if (examples.size() < folds * 2) {
            return;
        }
        TrainingSettings foldSettings = new TrainingSettings(settings.inputSize(), settings.batchSize(), settings.learningRate(),
                Math.max(1, settings.imageBudget() / 2), settings.minEpochs(), settings.maxEpochs(), 0.0, settings.seed());
        ClassifierTrainer trainer = new ClassifierTrainer(foldSettings);
        Map<Long, List<Double>> outOfFold = new HashMap<>();
        long started = System.nanoTime();
        for (int fold = 0; fold < folds; fold++) {
            List<Example> training = new ArrayList<>();
            List<Example> held = new ArrayList<>();
            for (Example e : examples) {
                (foldOf(e.taskId()) == fold ? held : training).add(e);
            }
            if (held.isEmpty() || training.stream().mapToInt(Example::label).distinct().count() < 2) {
                continue;
            }
            List<double[]> probabilities = trainer.outOfFold(training, held, labels.size(), cancelled);
            for (int i = 0; i < held.size(); i++) {
                outOfFold.put(held.get(i).taskId(), java.util.Arrays.stream(probabilities.get(i)).boxed().toList());
            }
        }
        audits.write(new AuditFiles.Audit(project, manifest.version(), folds, labels, outOfFold));
        LOG.info("project {}: {}-fold audit of {} covered {} tasks in {} s", project, folds, manifest.version(), outOfFold.size(),
                Math.round((System.nanoTime() - started) / 1e9));
    }

    private int foldOf(long taskId) {
        return Math.min(folds - 1, (int) (HoldoutSplit.position(taskId, settings.seed() + 1) * folds));
    }
}
