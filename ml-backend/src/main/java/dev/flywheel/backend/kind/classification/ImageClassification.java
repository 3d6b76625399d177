package dev.flywheel.backend.kind.classification;

import dev.flywheel.backend.inference.Backbone;
import dev.flywheel.backend.inference.BackboneHeadNet;
import dev.flywheel.backend.inference.LoadedClassifier;
import dev.flywheel.backend.kind.LabelIssueFindings;
import dev.flywheel.backend.kind.LoadedVersion;
import dev.flywheel.backend.kind.Readiness;
import dev.flywheel.backend.kind.RunRequest;
import dev.flywheel.backend.kind.TaskKind;
import dev.flywheel.backend.labelconfig.LabelConfig;
import dev.flywheel.backend.labelconfig.ServingTarget;
import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.backend.store.LabeledAnnotation;
import dev.flywheel.backend.store.Project;
import dev.flywheel.backend.training.ClassifierTraining;
import dev.flywheel.backend.training.CrossValidationAudit;
import dev.flywheel.backend.training.DatasetAssembler;
import dev.flywheel.model.api.CompareReply;
import dev.flywheel.model.api.LabelIssue;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Image classification: an {@code <Image>} labelled by {@code <Choices>}. Trains the built-in CNN (or a head on the
 * operator's backbone), pre-labels the most likely choice, finds label issues by confident learning on out-of-sample
 * probabilities and compares runs by accuracy, macro-F1 and their confusion.
 */
public final class ImageClassification implements TaskKind {

    /** The kind's name in the store, in manifests and on the insights API. */
    public static final String NAME = "image_classification";

    private final ClassifierTraining training;
    private final Optional<CrossValidationAudit> audit;
    private final ClassifierIssues issues;
    private final Optional<Backbone> backbone;
    private final int predictorsPerVersion;

    /**
     * @param audit the K-fold audit after each run, empty when the operator turned it off
     * @param backbone the operator's {@code FLYWHEEL_BACKBONE}, which head versions are served on
     * @param predictorsPerVersion predictors of a loaded version, one per concurrent {@code /predict} worker
     */
    public ImageClassification(ClassifierTraining training, Optional<CrossValidationAudit> audit, ClassifierIssues issues,
            Optional<Backbone> backbone, int predictorsPerVersion) {
        this.training = Objects.requireNonNull(training, "training");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.issues = Objects.requireNonNull(issues, "issues");
        this.backbone = Objects.requireNonNull(backbone, "backbone");
        this.predictorsPerVersion = predictorsPerVersion;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String describe() {
        return "<Choices> (image classification)";
    }

    @Override
    public Optional<ServingTarget> match(LabelConfig config) {
        return config.onImage("Choices", control -> true);
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
    public boolean trainsLike(ModelManifest ready) {
        return training.trainsLike(ready);
    }

    @Override
    public ModelManifest train(RunRequest run, Path staging, BooleanSupplier cancelled) {
        return training.train(NAME, run, staging, cancelled);
    }

    @Override
    public boolean audit(ModelManifest published, BooleanSupplier cancelled) {
        audit.ifPresent(a -> a.run(published, cancelled));
        return audit.isPresent();
    }

    @Override
    public void prefetch(Project project) {
        training.prefetch(project.id(), project.labels());
    }

    @Override
    public LabelIssueFindings labelIssues(Project project, Optional<ModelManifest> newest) {
        return issues.find(project, newest);
    }

    @Override
    public CompareReply compare(ModelManifest base, ModelManifest candidate) {
        return ClassifierComparison.compare(base, candidate);
    }
}
