package dev.flywheel.backend;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.backend.config.DetectorConfig;
import dev.flywheel.backend.inference.Backbone;
import dev.flywheel.backend.inference.Detector;
import dev.flywheel.backend.inference.UserDetector;
import dev.flywheel.backend.kind.TaskKinds;
import dev.flywheel.backend.kind.classification.ClassifierIssues;
import dev.flywheel.backend.kind.classification.ImageClassification;
import dev.flywheel.backend.kind.detection.BoxPolicy;
import dev.flywheel.backend.kind.detection.DetectionIssues;
import dev.flywheel.backend.kind.detection.ObjectDetection;
import dev.flywheel.backend.kind.multilabel.MultiLabelClassification;
import dev.flywheel.backend.kind.multilabel.TagIssues;
import dev.flywheel.backend.registry.AuditFiles;
import dev.flywheel.backend.registry.DriftReferences;
import dev.flywheel.backend.registry.ModelRegistry;
import dev.flywheel.backend.store.FlywheelStore;
import dev.flywheel.backend.training.ClassifierTraining;
import dev.flywheel.backend.training.CrossValidationAudit;
import dev.flywheel.backend.training.DatasetAssembler;
import dev.flywheel.backend.training.DetectorAudit;
import dev.flywheel.backend.training.DetectorTraining;
import dev.flywheel.backend.training.EmbeddingCache;
import dev.flywheel.backend.training.HeadTraining;
import dev.flywheel.backend.training.TagAudit;
import dev.flywheel.backend.training.TagTraining;
import dev.flywheel.backend.training.TrainingSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The task kinds this backend serves, built from its parts: the one place that lists them, in the order they claim a
 * label config (boxes before choices, since boxes are where pre-labels save the most time; multiple choices before
 * single ones, since image classification takes any {@code <Choices>}).
 */
final class ServedKinds {

    private static final Logger LOG = LoggerFactory.getLogger(ServedKinds.class);

    /** Predictors of each loaded version: one per predict worker. */
    static final int PREDICTORS_PER_VERSION = 2;

    private ServedKinds() {}

    /**
     * What the kinds are made of.
     *
     * @param home {@code FLYWHEEL_HOME}, where a backbone's embedding cache lives
     * @param folds K of the audit after each run, 0 for none
     * @param backbone the operator's {@code FLYWHEEL_BACKBONE}, loaded
     * @param detector the operator's {@code FLYWHEEL_DETECTOR}, to be loaded
     */
    record Parts(Path home, FlywheelStore store, ModelRegistry registry, DatasetAssembler assembler, AuditFiles audits,
            TrainingSettings settings, ObjectMapper mapper, Clock clock, int folds, Optional<Backbone> backbone,
            Optional<DetectorConfig> detector) {}

    /** The kinds, each with what it trains, audits and serves with; closeables they own are added to {@code owned}. */
    static TaskKinds build(Parts parts, List<AutoCloseable> owned) {
        DriftReferences references = new DriftReferences(parts.registry(), parts.mapper());
        Optional<HeadTraining> heads = parts.backbone().map(b -> new HeadTraining(b,
                new EmbeddingCache(parts.home().resolve("embeddings"), b.embeddingKey()), parts.assembler(), parts.settings(), parts.registry(),
                references, parts.clock()));
        boolean audits = parts.folds() > 0;
        ImageClassification classification = new ImageClassification(
                new ClassifierTraining(parts.store(), parts.registry(), parts.assembler(), parts.settings(), references, parts.clock(), heads),
                audits ? Optional.of(new CrossValidationAudit(parts.store(), parts.assembler(), parts.settings(), parts.audits(), parts.folds(),
                        heads)) : Optional.empty(),
                new ClassifierIssues(parts.store(), parts.registry(), parts.audits(), parts.mapper()), parts.backbone(), PREDICTORS_PER_VERSION);
        ObjectDetection detection = new ObjectDetection(
                new DetectorTraining(parts.store(), parts.registry(), parts.assembler(), parts.settings(), parts.mapper(), parts.clock()),
                audits ? Optional.of(new DetectorAudit(parts.store(), parts.assembler(), parts.settings(), parts.audits(), parts.folds(),
                        parts.mapper())) : Optional.empty(),
                new DetectionIssues(parts.store(), parts.audits(), parts.mapper()), parts.store().projects(),
                parts.detector().map(ServedKinds::operatorDetector), PREDICTORS_PER_VERSION);
        owned.add(detection);
        TagTraining tags = new TagTraining(parts.store(), parts.registry(), parts.assembler(), parts.settings(), references, parts.clock());
        MultiLabelClassification multiLabel = new MultiLabelClassification(tags,
                audits ? Optional.of(new TagAudit(parts.store(), tags, parts.settings(), parts.audits(), parts.folds())) : Optional.empty(),
                new TagIssues(parts.store(), parts.registry(), parts.audits(), parts.mapper()), PREDICTORS_PER_VERSION);
        return new TaskKinds(List.of(detection, multiLabel, classification));
    }

    /** The operator's {@code FLYWHEEL_DETECTOR}, which pre-labels detection projects until they train their own. */
    private static ObjectDetection.OperatorDetector operatorDetector(DetectorConfig d) {
        Detector detector = UserDetector.load(d.model(), d.names(), d.inputSize(), PREDICTORS_PER_VERSION);
        LOG.info("detection projects are pre-labelled by {} ({} classes)", detector.version(), detector.classes().size());
        return new ObjectDetection.OperatorDetector(detector, new BoxPolicy(d.scoreThreshold(), d.iouThreshold()));
    }
}
