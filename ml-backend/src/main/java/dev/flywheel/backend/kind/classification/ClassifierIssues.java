package dev.flywheel.backend.kind.classification;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.backend.analytics.ConfidentLearning;
import dev.flywheel.backend.analytics.IssueFilter;
import dev.flywheel.backend.analytics.IssueRanking;
import dev.flywheel.backend.analytics.OutOfSamplePrediction;
import dev.flywheel.backend.kind.LabelIssueFindings;
import dev.flywheel.backend.kind.OutOfSampleProbabilities;
import dev.flywheel.backend.registry.AuditFiles;
import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.backend.registry.ModelRegistry;
import dev.flywheel.backend.store.FlywheelStore;
import dev.flywheel.backend.store.Project;
import dev.flywheel.backend.training.DatasetAssembler;
import dev.flywheel.model.api.LabelIssue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A classification project's likely label errors: confident learning over each labelled task's class probabilities
 * from a model that never trained on it — the newest version's K-fold audit first, then its hold-out predictions,
 * else the pre-label Flywheel served for the task when the serving version did not learn from it.
 */
public final class ClassifierIssues {

    private final FlywheelStore store;
    private final OutOfSampleProbabilities evidence;

    public ClassifierIssues(FlywheelStore store, ModelRegistry registry, AuditFiles audits, ObjectMapper mapper) {
        this.store = store;
        this.evidence = new OutOfSampleProbabilities(store, registry, audits, mapper, m -> ImageClassification.NAME.equals(m.taskType()));
    }

    LabelIssueFindings find(Project project, Optional<ModelManifest> newest) {
        List<String> labels = project.labels();
        if (labels.size() < 2) {
            return LabelIssueFindings.NONE;
        }
        Map<Long, DatasetAssembler.LabeledTask> given = DatasetAssembler.labelPerTask(store.annotations().trainingSet(project.id()), labels);
        Map<Long, double[]> probabilities = evidence.of(project.id(), labels, newest);
        List<OutOfSamplePrediction> examples = new ArrayList<>();
        given.forEach((task, labeled) -> {
            double[] p = probabilities.get(task);
            if (p != null) {
                examples.add(new OutOfSamplePrediction(task, labeled.annotationId(), labeled.labelIndex(), p));
            }
        });
        ConfidentLearning.Findings found = ConfidentLearning.find(labels, examples);
        return new LabelIssueFindings(found.issues(), given.size(), examples.size(), found.estimatedNoiseRate());
    }
}
