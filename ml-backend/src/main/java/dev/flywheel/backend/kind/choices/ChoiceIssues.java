package dev.flywheel.backend.kind.choices;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.backend.kind.LabelIssueFindings;
import dev.flywheel.backend.kind.OutOfSampleProbabilities;
import dev.flywheel.backend.registry.AuditFiles;
import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.backend.registry.ModelRegistry;
import dev.flywheel.backend.store.FlywheelStore;
import dev.flywheel.backend.store.LabeledAnnotation;
import dev.flywheel.backend.store.Project;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A choice kind's likely label errors, from each labelled task's probabilities by a model that never trained on it:
 * the newest version's K-fold audit first, then its hold-out predictions, else the pre-label served for the task by a
 * version of the same kind that did not learn from it. The kind says how given labels and probabilities make issues.
 */
public abstract class ChoiceIssues {

    private final FlywheelStore store;
    private final OutOfSampleProbabilities evidence;

    /** @param kind the kind's name: only its own versions' probabilities are evidence (a softmax is no set of tag scores) */
    protected ChoiceIssues(String kind, FlywheelStore store, ModelRegistry registry, AuditFiles audits, ObjectMapper mapper) {
        this.store = store;
        this.evidence = new OutOfSampleProbabilities(store, registry, audits, mapper, m -> kind.equals(m.taskType()));
    }

    final LabelIssueFindings find(Project project, Optional<ModelManifest> newest) {
        List<String> labels = project.labels();
        return find(labels, store.annotations().trainingSet(project.id()), evidence.of(project.id(), labels, newest));
    }

    /**
     * The issues among {@code labeled}, the project's usable annotations.
     *
     * @param probabilities task id → out-of-sample probabilities in the order of {@code labels}; tasks without are absent
     */
    protected abstract LabelIssueFindings find(List<String> labels, List<LabeledAnnotation> labeled, Map<Long, double[]> probabilities);
}
