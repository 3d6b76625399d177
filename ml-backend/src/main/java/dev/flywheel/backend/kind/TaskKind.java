package dev.flywheel.backend.kind;

import dev.flywheel.backend.labelconfig.LabelConfig;
import dev.flywheel.backend.labelconfig.ServingTarget;
import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.backend.store.LabeledAnnotation;
import dev.flywheel.backend.store.Project;
import dev.flywheel.model.api.CompareReply;
import dev.flywheel.model.api.LabelIssue;
import dev.flywheel.model.api.LearningCurvePoint;
import dev.flywheel.model.api.ModelMetrics;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Everything that differs by task kind, from the label config to the insights: which configs a kind serves, how its
 * annotations count and train, the version that predicts, which label issues and metrics it has and how two of its
 * runs compare. The rest of the backend asks a kind and knows none; {@link TaskKinds} lists them.
 */
public interface TaskKind {

    /** The kind's one spelling, in the store, in manifests and on the insights API ({@code task_type}). */
    String name();

    /** The tags it serves, for the message that refuses a config, e.g. {@code <Choices> (image classification)}. */
    String describe();

    /** The control and image it would predict in {@code config}, or empty when it does not serve the config. */
    Optional<ServingTarget> match(LabelConfig config);

    /** Loads a published version of this kind (its manifest's task type is {@link #name()}) with a predictor pool. */
    LoadedVersion load(Path versionDir, ModelManifest manifest);

    /** Why this backend cannot serve {@code manifest} as configured now (a head on another backbone), or empty. */
    default Optional<String> servingProblem(ModelManifest manifest) {
        return Optional.empty();
    }

    /** What pre-labels the kind's projects while they have no version of their own (the operator's detector), if any. */
    default Optional<LoadedVersion> standIn() {
        return Optional.empty();
    }

    /** How many labelled tasks and classes the project has, as the training policy counts them for this kind. */
    Readiness readiness(Project project, List<LabeledAnnotation> labeled);

    /** Whether a ready version was trained the way a run would train now; if not, the project is due as if untrained. */
    default boolean trainsLike(ModelManifest ready) {
        return true;
    }

    /** Trains, evaluates and writes a version into {@code staging}; the caller publishes the manifest returned. */
    ModelManifest train(RunRequest run, Path staging, BooleanSupplier cancelled);

    /**
     * The audit after a version was published: out-of-sample evidence for label issues, written beside the versions.
     * False when the kind has no audit (the operator turned it off).
     */
    boolean audit(ModelManifest published, BooleanSupplier cancelled);

    /** Prepares the project's labelled images ahead of its next run, when the kind's runs read them; best effort. */
    default void prefetch(Project project) {}

    /** Likely label errors, most likely first, from the newest version's out-of-sample evidence, with their coverage. */
    LabelIssueFindings labelIssues(Project project, Optional<ModelManifest> newest);

    /** Compares two versions of this kind, trained on the same labels, on the hold-out tasks they share. */
    CompareReply compare(ModelManifest base, ModelManifest candidate);

    /**
     * The version's point on the learning curve, or empty when it was not evaluated: by default its accuracy and
     * macro-F1, or its mAP@0.5, whichever its hold-out metrics carry.
     */
    default Optional<LearningCurvePoint> curvePoint(ModelManifest version) {
        ModelMetrics metrics = version.metrics();
        if (metrics.accuracy() == null && metrics.map50() == null) {
            return Optional.empty();
        }
        return Optional.of(new LearningCurvePoint(version.version(), version.trainedOn(), metrics.accuracy(), metrics.macroF1(),
                metrics.map50()));
    }
}
