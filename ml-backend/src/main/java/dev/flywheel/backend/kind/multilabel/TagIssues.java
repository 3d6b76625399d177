package dev.flywheel.backend.kind.multilabel;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.backend.analytics.TagIssueFinder;
import dev.flywheel.backend.kind.LabelIssueFindings;
import dev.flywheel.backend.kind.choices.ChoiceIssues;
import dev.flywheel.backend.registry.AuditFiles;
import dev.flywheel.backend.registry.ModelRegistry;
import dev.flywheel.backend.store.FlywheelStore;
import dev.flywheel.backend.store.LabeledAnnotation;
import dev.flywheel.backend.training.TaggedTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A multi-label project's likely tag errors, per task and tag: confident learning on each label over tag probabilities. */
public final class TagIssues extends ChoiceIssues {

    public TagIssues(FlywheelStore store, ModelRegistry registry, AuditFiles audits, ObjectMapper mapper) {
        super(MultiLabelClassification.NAME, store, registry, audits, mapper);
    }

    @Override
    protected LabelIssueFindings find(List<String> labels, List<LabeledAnnotation> labeled, Map<Long, double[]> probabilities) {
        List<TagIssueFinder.TaggedPrediction> tasks = new ArrayList<>();
        Map<Long, TaggedTask> perTask = TaggedTask.perTask(labeled, labels);
        perTask.forEach((task, tagged) -> {
            double[] p = probabilities.get(task);
            if (p != null) {
                tasks.add(new TagIssueFinder.TaggedPrediction(task, tagged.annotationId(), tagged.given(labels), p));
            }
        });
        return LabelIssueFindings.perTask(TagIssueFinder.find(labels, tasks), perTask.size(), tasks.size());
    }
}
