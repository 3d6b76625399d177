package dev.flywheel.backend.kind.detection;

import dev.flywheel.backend.inference.Detector;
import dev.flywheel.backend.inference.LoadedDetector;
import dev.flywheel.backend.kind.LabelIssueFindings;
import dev.flywheel.backend.kind.LoadedVersion;
import dev.flywheel.backend.kind.Readiness;
import dev.flywheel.backend.kind.RunRequest;
import dev.flywheel.backend.kind.TaskKind;
import dev.flywheel.backend.labelconfig.LabelConfig;
import dev.flywheel.backend.labelconfig.LabelConfigParser;
import dev.flywheel.backend.labelconfig.ServingTarget;
import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.backend.store.LabeledAnnotation;
import dev.flywheel.backend.store.Project;
import dev.flywheel.backend.store.ProjectStore;
import dev.flywheel.backend.training.DetectorAudit;
import dev.flywheel.backend.training.DetectorTraining;
import dev.flywheel.model.api.CompareReply;
import dev.flywheel.model.api.LabelIssue;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Object detection: an {@code <Image>} labelled by {@code <RectangleLabels>}. Trains the built-in grid detector,
 * pre-labels its boxes (before the first version, the operator's {@code FLYWHEEL_DETECTOR}'s, if set), finds boxes that
 * are probably missing, spurious or mislabelled, and compares runs by mAP. Closing it closes the operator's detector.
 */
public final class ObjectDetection implements TaskKind, AutoCloseable {

    /** The kind's name in the store, in manifests and on the insights API. */
    public static final String NAME = "object_detection";

    private final DetectorTraining training;
    private final Optional<DetectorAudit> audit;
    private final DetectionIssues issues;
    private final ProjectStore projects;
    private final Optional<LoadedVersion> standIn;
    private final int predictorsPerVersion;
    private final LabelConfigParser parser = new LabelConfigParser();

    /**
     * @param audit the K-fold audit after each run, empty when the operator turned it off
     * @param operatorDetector the operator's detector with the box policy its pre-labels follow, which serves the kind's
     *     projects until they have a version of their own
     * @param predictorsPerVersion predictors of a loaded version, one per concurrent {@code /predict} worker
     */
    public ObjectDetection(DetectorTraining training, Optional<DetectorAudit> audit, DetectionIssues issues, ProjectStore projects,
            Optional<OperatorDetector> operatorDetector, int predictorsPerVersion) {
        this.training = Objects.requireNonNull(training, "training");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.issues = Objects.requireNonNull(issues, "issues");
        this.projects = Objects.requireNonNull(projects, "projects");
        this.standIn = operatorDetector.map(d -> new DetectorVersion(d.detector(), new BoxRegions(d.policy())));
        this.predictorsPerVersion = predictorsPerVersion;
    }

    /** The operator's detector and the thresholds of its pre-labels. */
    public record OperatorDetector(Detector detector, BoxPolicy policy) {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String describe() {
        return "<RectangleLabels> (object detection)";
    }

    @Override
    public Optional<ServingTarget> match(LabelConfig config) {
        return config.onImage("RectangleLabels", control -> true);
    }

    @Override
    public LoadedVersion load(Path versionDir, ModelManifest manifest) {
        Detector detector = LoadedDetector.load(versionDir, manifest.version(), manifest.labels(), manifest.inputSize(), predictorsPerVersion);
        return new DetectorVersion(detector, new BoxRegions(BoxPolicy.DEFAULTS));
    }

    @Override
    public Optional<LoadedVersion> standIn() {
        return standIn;
    }

    /**
     * Tasks with boxes, and their box labels; one label is enough for a detector (object or background), so it counts as
     * the two classes a classifier needs.
     */
    @Override
    public Readiness readiness(Project project, List<LabeledAnnotation> labeled) {
        int tasks = (int) labeled.stream().map(LabeledAnnotation::taskId).distinct().count();
        long boxLabels = labeled.stream().flatMap(a -> a.labels().stream()).filter(project.labels()::contains).distinct().count();
        return new Readiness(tasks, boxLabels > 0 ? (int) Math.max(2, boxLabels) : 0);
    }

    @Override
    public ModelManifest train(RunRequest run, Path staging, BooleanSupplier cancelled) {
        return training.train(NAME, run, target(run.project()), staging, cancelled);
    }

    @Override
    public boolean audit(ModelManifest published, BooleanSupplier cancelled) {
        audit.ifPresent(a -> projects.find(published.project()).ifPresent(project -> a.run(published, target(project), cancelled)));
        return audit.isPresent();
    }

    @Override
    public LabelIssueFindings labelIssues(Project project, Optional<ModelManifest> newest) {
        return match(parser.parse(project.definition().labelConfig())).map(target -> issues.find(project, target, newest))
                .orElse(LabelIssueFindings.NONE);
    }

    @Override
    public CompareReply compare(ModelManifest base, ModelManifest candidate) {
        return DetectorComparison.compare(base, candidate);
    }

    @Override
    public void close() {
        standIn.ifPresent(LoadedVersion::close);
    }

    private ServingTarget target(Project project) {
        return match(parser.parse(project.definition().labelConfig()))
                .orElseThrow(() -> new IllegalStateException("the label config of project " + project.id() + " has nothing to serve"));
    }
}
