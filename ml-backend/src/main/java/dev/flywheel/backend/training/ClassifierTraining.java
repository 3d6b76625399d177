package dev.flywheel.backend.training;

import dev.flywheel.backend.inference.BackboneHeadNet;
import dev.flywheel.backend.inference.ImageClassifierNet;
import dev.flywheel.backend.inference.ImageTensors;
import dev.flywheel.backend.kind.RunRequest;
import dev.flywheel.backend.kind.choices.ChoiceTraining;
import dev.flywheel.backend.registry.DriftReferences;
import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.backend.registry.ModelRegistry;
import dev.flywheel.backend.store.FlywheelStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One classification run: the latest label of each task, the images, the built-in CNN warm-started from the parent
 * (or, with {@code FLYWHEEL_BACKBONE}, a head on the backbone's features), its hold-out evaluation, calibration and
 * drift reference, all written into the staging folder.
 */
public final class ClassifierTraining implements ChoiceTraining {

    private static final Logger LOG = LoggerFactory.getLogger(ClassifierTraining.class);

    private final FlywheelStore store;
    private final ModelRegistry registry;
    private final DatasetAssembler assembler;
    private final TrainingSettings settings;
    private final ManifestWriter manifests;
    private final ManifestWriter firstRunManifests;
    private final ReferenceRecorder references;
    private final Optional<HeadTraining> heads;

    /** With {@code heads}, runs train a head on the operator's backbone instead of the built-in CNN. */
    public ClassifierTraining(FlywheelStore store, ModelRegistry registry, DatasetAssembler assembler, TrainingSettings settings,
            DriftReferences references, Clock clock, Optional<HeadTraining> heads) {
        this.store = store;
        this.registry = registry;
        this.assembler = assembler;
        this.settings = settings;
        this.manifests = new ManifestWriter(settings, clock);
        this.firstRunManifests = new ManifestWriter(settings.firstRun(), clock);
        this.references = new ReferenceRecorder(references, settings.seed());
        this.heads = heads;
    }

    /** Trains {@code run} into {@code staging}; the manifest records {@code taskType}. */
    @Override
    public ModelManifest train(String taskType, RunRequest run, Path staging, BooleanSupplier cancelled) {
        long project = run.project().id();
        String version = run.version();
        List<String> labels = run.project().labels();
        Map<Long, DatasetAssembler.LabeledTask> perTask = DatasetAssembler.labelPerTask(store.annotations().trainingSet(project), labels);
        if (heads.isPresent()) {
            ModelManifest manifest = heads.get().train(taskType, project, version, run.parent(), labels, perTask, staging, cancelled);
            LOG.info("project {}: version {} (head on {}) trained (accuracy {}, {} training images, {} s)", project, version,
                    manifest.backbone().file(), manifest.metrics().accuracy(), manifest.trainedOn(), Math.round(manifest.trainingSeconds()));
            return manifest;
        }
        long started = System.nanoTime();
        List<Example> examples = assembler.examples(project, perTask.values(), new ImageTensors(settings.inputSize()));
        double assembling = (System.nanoTime() - started) / 1e9;
        long classes = examples.stream().mapToInt(Example::label).distinct().count();
        if (classes < 2) {
            throw new IllegalStateException("training needs images of at least two classes; have " + examples.size() + " images of " + classes);
        }
        TrainingOutcome outcome = new ClassifierTrainer(run.first() ? settings.firstRun() : settings).train(examples, labels.size(), staging,
                cancelled, warmStart(project, run.parent(), labels), run.progress(), run.overtaken());
        ModelManifest manifest = (run.first() ? firstRunManifests : manifests).manifest(taskType, project, version, run.parent().orElse(null), labels, examples, perTask,
                outcome);
        long trained = System.nanoTime();
        references.record(staging, manifest, examples);
        // Where a run's time goes, for operators asking why a version took as long as it did.
        LOG.info("project {}: version {} trained (accuracy {}, {} training images; {} s assembling images, {} s training, {} s"
                + " drift reference)", project, version, manifest.metrics().accuracy(), manifest.trainedOn(), seconds(assembling),
                seconds(outcome.seconds()), seconds((System.nanoTime() - trained) / 1e9));
        return manifest;
    }

    /** Whether {@code ready} is what a run trains now: a head on the configured backbone, or else the built-in CNN. */
    @Override
    public boolean trainsLike(ModelManifest ready) {
        return heads.map(h -> h.trained(ready)).orElse(!BackboneHeadNet.ARCHITECTURE.equals(ready.architecture()));
    }

    /** Prepares the images of the labelled tasks for the next run; nothing to prepare for a backbone's runs. */
    @Override
    public void prefetch(long project, List<String> labels) {
        if (heads.isEmpty()) {
            Map<Long, DatasetAssembler.LabeledTask> perTask = DatasetAssembler.labelPerTask(store.annotations().trainingSet(project), labels);
            assembler.prefetch(project, perTask.values(), new ImageTensors(settings.inputSize()));
        }
    }

    /**
     * The parent's folder when its network can seed this run: same architecture, labels and input size, and not the
     * project's short first run: a network fitted to ten images seeds worse than fresh weights (on the tests' shapes, a
     * second run seeded by it got 18 of 30 unseen images right, where one run on the same labels had reached 20 or more).
     */
    private Optional<Path> warmStart(long project, Optional<String> parent, List<String> labels) {
        return parent.flatMap(p -> registry.manifest(project, p))
                .filter(m -> m.parent() != null)
                .filter(m -> m.architecture().equals(ImageClassifierNet.ARCHITECTURE))
                .filter(m -> m.labels().equals(labels) && m.inputSize() == settings.inputSize())
                .map(m -> registry.versionDir(project, m.version()));
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
