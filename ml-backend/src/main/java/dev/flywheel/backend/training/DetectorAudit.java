package dev.flywheel.backend.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.backend.analytics.LabeledBox;
import dev.flywheel.backend.registry.AuditFiles;
import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.backend.labelconfig.ServingTarget;
import dev.flywheel.backend.store.FlywheelStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit after a detector run: K-fold cross-validation over every annotated task, so each one gets boxes from a
 * detector that never saw it — the evidence box label issues (missing, spurious, swapped) are found from.
 *
 * <p>As {@link CrossValidationAudit}: folds by the stable task hash, nothing published, and it yields to any training
 * that is waiting. Unlike the classifier's folds, each fold gets the run's full image budget: on half of it the fold
 * detectors of the integration test missed a third of the real objects, so every shape they missed looked spurious.
 */
public final class DetectorAudit {

    private static final Logger LOG = LoggerFactory.getLogger(DetectorAudit.class);

    private final BoxExamples loader;
    private final TrainingSettings settings;
    private final AuditFiles audits;
    private final KFold folds;

    public DetectorAudit(FlywheelStore store, DatasetAssembler assembler, TrainingSettings settings, AuditFiles audits, int folds,
            ObjectMapper mapper) {
        this.folds = new KFold(folds, settings.seed());
        this.loader = new BoxExamples(store, assembler, mapper);
        this.settings = settings;
        this.audits = audits;
    }

    /**
     * Audits the data behind {@code manifest}, the boxes of {@code target}'s control; a no-op for too few images or when
     * the labels changed since.
     */
    public void run(ModelManifest manifest, ServingTarget target, BooleanSupplier cancelled) {
        long project = manifest.project();
        BoxExamples.Loaded data = loader.load(project, target, manifest.inputSize());
        if (!data.labels().equals(manifest.labels()) || data.examples().size() < folds.folds() * 2) {
            return;
        }
        List<DetectorTrainer.BoxExample> examples = data.examples();
        int perFold = examples.size() * (folds.folds() - 1) / folds.folds();
        // The version's input edge, and the epochs its plan gives a fold's training images: each fold costs what a run costs.
        DetectorTrainer trainer = new DetectorTrainer(new DetectorTrainer.Settings(manifest.inputSize(), 16,
                DetectorPlan.of(manifest.inputSize(), perFold, false).epochs(), settings.learningRate(), 0.0, 0.25, settings.seed()));
        Map<Long, List<ModelManifest.Box>> outOfFold = new HashMap<>();
        long started = System.nanoTime();
        folds.forEach(examples, DetectorTrainer.BoxExample::taskId, training -> !training.stream().allMatch(e -> e.boxes().isEmpty()),
                (training, held) -> trainer.outOfFold(training, held, data.labels(), cancelled).forEach((task, boxes) ->
                        outOfFold.put(task, boxes.stream().map(DetectorAudit::box).toList())));
        audits.write(new AuditFiles.Audit(project, manifest.version(), folds.folds(), data.labels(), Map.of(), outOfFold));
        LOG.info("project {}: {}-fold detector audit of {} covered {} tasks in {} s", project, folds.folds(), manifest.version(), outOfFold.size(),
                Math.round((System.nanoTime() - started) / 1e9));
    }

    private static ModelManifest.Box box(LabeledBox b) {
        return new ModelManifest.Box(b.label(), b.score(), b.left(), b.top(), b.width(), b.height());
    }
}
