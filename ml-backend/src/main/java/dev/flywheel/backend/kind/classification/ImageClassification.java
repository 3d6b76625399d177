package dev.flywheel.backend.kind.classification;

import dev.flywheel.backend.inference.Backbone;
import dev.flywheel.backend.inference.BackboneHeadNet;
import dev.flywheel.backend.inference.LoadedClassifier;
import dev.flywheel.backend.kind.LoadedVersion;
import dev.flywheel.backend.kind.Readiness;
import dev.flywheel.backend.kind.choices.ChoiceKind;
import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.backend.store.LabeledAnnotation;
import dev.flywheel.backend.store.Project;
import dev.flywheel.backend.training.ClassifierTraining;
import dev.flywheel.backend.training.CrossValidationAudit;
import dev.flywheel.backend.training.DatasetAssembler;
import dev.flywheel.model.api.CompareReply;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Image classification: an {@code <Image>} labelled by {@code <Choices>}. Trains the built-in CNN (or a head on the
 * operator's backbone), pre-labels the most likely choice, finds label issues by confident learning on out-of-sample
 * probabilities and compares runs by accuracy, macro-F1 and their confusion.
 */
public final class ImageClassification extends ChoiceKind {

    /** The kind's name in the store, in manifests and on the insights API. */
    public static final String NAME = "image_classification";

    private final Optional<Backbone> backbone;
    private final int predictorsPerVersion;

    /**
     * @param audit the K-fold audit after each run, empty when the operator turned it off
     * @param backbone the operator's {@code FLYWHEEL_BACKBONE}, which head versions are served on
     * @param predictorsPerVersion predictors of a loaded version, one per concurrent {@code /predict} worker
     */
    public ImageClassification(ClassifierTraining training, Optional<CrossValidationAudit> audit, ClassifierIssues issues,
            Optional<Backbone> backbone, int predictorsPerVersion) {
        super(NAME, "<Choices> (image classification)", control -> true, training, audit, issues);
        this.backbone = Objects.requireNonNull(backbone, "backbone");
        this.predictorsPerVersion = predictorsPerVersion;
    }

    @Override
    public LoadedVersion load(Path versionDir, ModelManifest manifest) {
        return new ClassifierVersion(LoadedClassifier.load(versionDir, manifest, predictorsPerVersion, backbone));
    }

    @Override
    public Optional<String> servingProblem(ModelManifest manifest) {
        return BackboneHeadNet.servingProblem(manifest, backbone);
    }

    @Override
    public Readiness readiness(Project project, List<LabeledAnnotation> labeled) {
        Map<Long, DatasetAssembler.LabeledTask> perTask = DatasetAssembler.labelPerTask(labeled, project.labels());
        return new Readiness(perTask.size(), (int) perTask.values().stream().map(DatasetAssembler.LabeledTask::label).distinct().count());
    }

    @Override
    public CompareReply compare(ModelManifest base, ModelManifest candidate) {
        return ClassifierComparison.compare(base, candidate);
    }
}
