package dev.flywheel.backend.kind.multilabel;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.backend.analytics.TagIssueFinder;
import dev.flywheel.backend.kind.LabelIssueFindings;
import dev.flywheel.backend.kind.OutOfSampleProbabilities;
import dev.flywheel.backend.registry.AuditFiles;
import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.backend.registry.ModelRegistry;
import dev.flywheel.backend.store.FlywheelStore;
import dev.flywheel.backend.store.Project;
import dev.flywheel.backend.training.TaggedTask;
import dev.flywheel.model.api.LabelIssue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A multi-label project's likely tag errors, per task and tag: confident learning on each label over tag probabilities
 * from a network that never trained on the task — the newest version's K-fold audit first, then its hold-out
 * predictions, else the pre-label served for the task by a version that did not learn from it.
 */
public final class TagIssues {

    private final FlywheelStore store;
    private final OutOfSampleProbabilities evidence;

    public TagIssues(FlywheelStore store, ModelRegistry registry, AuditFiles audits, ObjectMapper mapper) {
        this.store = store;
        this.evidence = new OutOfSampleProbabilities(store, registry, audits, mapper, m -> MultiLabelClassification.NAME.equals(m.taskType()));
    }

    LabelIssueFindings find(Project project, Optional<ModelManifest> newest) {
        List<String> labels = project.labels();
        Map<Long, double[]> probabilities = evidence.of(project.id(), labels, newest);
        List<TagIssueFinder.TaggedPrediction> tasks = new ArrayList<>();
        Map<Long, TaggedTask> labeled = TaggedTask.perTask(store.annotations().trainingSet(project.id()), labels);
        labeled.forEach((task, tagged) -> {
            double[] p = probabilities.get(task);
            if (p != null) {
                tasks.add(new TagIssueFinder.TaggedPrediction(task, tagged.annotationId(), tagged.given(labels), p));
            }
        });
        return LabelIssueFindings.perTask(TagIssueFinder.find(labels, tasks), labeled.size(), tasks.size());
    }
}
