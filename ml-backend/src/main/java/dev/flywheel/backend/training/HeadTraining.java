package dev.flywheel.backend.training;

import dev.flywheel.backend.inference.Backbone;
import dev.flywheel.backend.inference.BackboneHeadNet;
import dev.flywheel.backend.registry.DriftReferences;
import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.backend.registry.ModelRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Classification training when the operator supplies a backbone ({@code FLYWHEEL_BACKBONE}): features from the
 * embedding cache or the frozen backbone, a {@link BackboneHeadNet} head trained on them, and a manifest that records
 * the backbone's SHA-256 so the version is only ever served with it. The cross-validation audit and the drift
 * reference read the same features.
 */
public final class HeadTraining {

    private static final Logger LOG = LoggerFactory.getLogger(HeadTraining.class);

    private final Backbone backbone;
    private final BackboneEmbedder embedder;
    private final HeadTrainer.Settings settings;
    private final ModelRegistry registry;
    private final ManifestWriter manifests;
    private final ReferenceRecorder references;

    public HeadTraining(Backbone backbone, EmbeddingCache cache, DatasetAssembler assembler, TrainingSettings training, ModelRegistry registry,
            DriftReferences references, Clock clock) {
        this.backbone = Objects.requireNonNull(backbone, "backbone");
        this.embedder = new BackboneEmbedder(backbone, cache, assembler);
        this.settings = HeadTrainer.Settings.from(training);
        this.registry = Objects.requireNonNull(registry, "registry");
        this.manifests = new ManifestWriter(training, clock);
        this.references = new ReferenceRecorder(references, training.seed());
    }

    public Backbone backbone() {
        return backbone;
    }

    /** Whether {@code manifest} is a head on the configured backbone, i.e. what a run would train now. */
    public boolean trained(ModelManifest manifest) {
        return BackboneHeadNet.ARCHITECTURE.equals(manifest.architecture())
                && BackboneHeadNet.servingProblem(manifest, Optional.of(backbone)).isEmpty();
    }

    /**
     * Embeds the labeled tasks (only those not cached), trains a head, evaluates and calibrates it, and writes its
     * parameters and drift reference into {@code staging}; the caller publishes the manifest returned.
     */
    ModelManifest train(String taskType, long project, String version, Optional<String> parent, List<String> labels,
            Map<Long, DatasetAssembler.LabeledTask> perTask, Path staging, BooleanSupplier cancelled) {
        long started = System.nanoTime();
        BackboneEmbedder.Embedded embedded = embedder.embed(project, perTask.values(), cancelled);
        double embedSeconds = (System.nanoTime() - started) / 1e9;
        List<EmbeddedExample> examples = embedded.examples();
        long classes = examples.stream().mapToInt(EmbeddedExample::label).distinct().count();
        if (classes < 2) {
            throw new IllegalStateException("training needs images of at least two classes; have " + examples.size() + " images of " + classes);
        }
        TrainingOutcome fitted = new HeadTrainer(settings).train(examples, labels.size(), staging, cancelled, warmStart(project, parent, labels));
        // The run's time includes embedding: that is the part the cache saves on a retrain.
        TrainingOutcome outcome = new TrainingOutcome(fitted.trainingTaskIds(), fitted.holdoutTaskIds(), fitted.holdoutGiven(),
                fitted.holdoutPredicted(), fitted.holdoutProbabilities(), fitted.temperature(), fitted.history(), fitted.seconds() + embedSeconds);
        ModelManifest.BackboneSummary summary = new ModelManifest.BackboneSummary(backbone.sha256(), backbone.file().getFileName().toString(),
                backbone.inputSize(), backbone.mean(), backbone.std(), backbone.dimension(), embedded.embedded(), embedded.cached());
        ModelManifest manifest = manifests.classifierManifest(taskType, project, version, parent.orElse(null), labels, examples.size(), perTask, outcome,
                BackboneHeadNet.ARCHITECTURE, backbone.inputSize(), settings.asMap(), summary);
        references.recordEmbedded(staging, manifest, examples);
        LOG.info("project {}: {} embedded {} image(s) with the backbone and read {} from its cache in {} s", project, version,
                embedded.embedded(), embedded.cached(), Math.round(embedSeconds * 10) / 10.0);
        return manifest;
    }

    /** The backbone features of labeled tasks, for the cross-validation audit (cached by the run before it). */
    List<EmbeddedExample> embedded(long project, Iterable<DatasetAssembler.LabeledTask> tasks, BooleanSupplier cancelled) {
        return embedder.embed(project, tasks, cancelled).examples();
    }

    /** One cross-validation fold: a head trained on {@code training} scores {@code evaluate}. */
    List<double[]> outOfFold(List<EmbeddedExample> training, List<EmbeddedExample> evaluate, int classes, BooleanSupplier cancelled) {
        return new HeadTrainer(settings.withHoldout(0.0)).outOfFold(training, evaluate, classes, cancelled);
    }

    /** The parent's folder when its head can seed this run: a head on this backbone with the same labels. */
    private Optional<Path> warmStart(long project, Optional<String> parent, List<String> labels) {
        Optional<ModelManifest> manifest = parent.flatMap(p -> registry.manifest(project, p));
        if (manifest.isPresent() && !trained(manifest.get())) {
            LOG.info("project {}: not warm-started from {}: it is not a head on the configured backbone", project, manifest.get().version());
        }
        return manifest.filter(this::trained)
                .filter(m -> m.labels().equals(labels) && m.backbone().dimension() == backbone.dimension())
                .map(m -> registry.versionDir(project, m.version()));
    }
}
