package dev.flywheel.backend.kind.multilabel;

import dev.flywheel.backend.inference.LoadedClassifier;
import dev.flywheel.backend.kind.LoadedVersion;
import dev.flywheel.backend.kind.Readiness;
import dev.flywheel.backend.kind.choices.ChoiceKind;
import dev.flywheel.backend.labelconfig.ControlTag;
import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.backend.store.LabeledAnnotation;
import dev.flywheel.backend.store.Project;
import dev.flywheel.backend.training.TagAudit;
import dev.flywheel.backend.training.TagTraining;
import dev.flywheel.backend.training.TaggedTask;
import dev.flywheel.model.api.CompareReply;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Multi-label image classification (tagging): an {@code <Image>} labelled by {@code <Choices choice="multiple">}.
 * Trains the built-in CNN with a sigmoid per label, pre-labels every tag above its calibrated threshold, finds tags that
 * are probably missing or wrong per task, and compares runs by micro-F1, macro-F1 and mAP. It must be listed before
 * image classification, which would otherwise claim every {@code <Choices>}.
 */
public final class MultiLabelClassification extends ChoiceKind {

    /** The kind's name in the store, in manifests and on the insights API. */
    public static final String NAME = "multi_label_classification";

    private final int predictorsPerVersion;

    /**
     * @param audit the K-fold audit after each run, empty when the operator turned it off
     * @param predictorsPerVersion predictors of a loaded version, one per concurrent {@code /predict} worker
     */
    public MultiLabelClassification(TagTraining training, Optional<TagAudit> audit, TagIssues issues, int predictorsPerVersion) {
        super(NAME, "<Choices choice=\"multiple\"> (multi-label classification)", ControlTag::multiple, training, audit, issues);
        this.predictorsPerVersion = predictorsPerVersion;
    }

    @Override
    public LoadedVersion load(Path versionDir, ModelManifest manifest) {
        return new TaggerVersion(LoadedClassifier.loadTagger(versionDir, manifest, predictorsPerVersion));
    }

    /** Tagged tasks, and the distinct tags among them: two tags are what a run needs to learn anything. */
    @Override
    public Readiness readiness(Project project, List<LabeledAnnotation> labeled) {
        Map<Long, TaggedTask> perTask = TaggedTask.perTask(labeled, project.labels());
        return new Readiness(perTask.size(), (int) perTask.values().stream().flatMap(t -> t.tags().stream()).distinct().count());
    }

    @Override
    public CompareReply compare(ModelManifest base, ModelManifest candidate) {
        return TagComparison.compare(base, candidate);
    }
}
