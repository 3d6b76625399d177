package dev.flywheel.backend.kind.classification;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.backend.analytics.ConfidentLearning;
import dev.flywheel.backend.analytics.OutOfSamplePrediction;
import dev.flywheel.backend.kind.LabelIssueFindings;
import dev.flywheel.backend.kind.choices.ChoiceIssues;
import dev.flywheel.backend.registry.AuditFiles;
import dev.flywheel.backend.registry.ModelRegistry;
import dev.flywheel.backend.store.FlywheelStore;
import dev.flywheel.backend.store.LabeledAnnotation;
import dev.flywheel.backend.training.DatasetAssembler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A classification project's likely label errors: confident learning over each labelled task's class probabilities. */
public final class ClassifierIssues extends ChoiceIssues {

    public ClassifierIssues(FlywheelStore store, ModelRegistry registry, AuditFiles audits, ObjectMapper mapper) {
        super(ImageClassification.NAME, store, registry, audits, mapper);
    }

    @Override
    protected LabelIssueFindings find(List<String> labels, List<LabeledAnnotation> labeled, Map<Long, double[]> probabilities) {
        if (labels.size() < 2) {
            return LabelIssueFindings.NONE;
        }
        Map<Long, DatasetAssembler.LabeledTask> given = DatasetAssembler.labelPerTask(labeled, labels);
        List<OutOfSamplePrediction> examples = new ArrayList<>();
        given.forEach((task, label) -> {
            double[] p = probabilities.get(task);
            if (p != null) {
                examples.add(new OutOfSamplePrediction(task, label.annotationId(), label.labelIndex(), p));
            }
        });
        ConfidentLearning.Findings found = ConfidentLearning.find(labels, examples);
        return new LabelIssueFindings(found.issues(), given.size(), examples.size(), found.estimatedNoiseRate());
    }
}
