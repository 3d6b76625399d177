package dev.flywheel.backend.insights;

import dev.flywheel.backend.analytics.AnnotatorAgreement;
import dev.flywheel.backend.analytics.DatasetStats;
import dev.flywheel.backend.analytics.Uncertainty;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.backend.kind.TaskKinds;
import dev.flywheel.backend.registry.AuditFiles;
import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.backend.registry.ModelRegistry;
import dev.flywheel.backend.store.AnnotatorActivity;
import dev.flywheel.backend.store.DatasetCounts;
import dev.flywheel.backend.store.FlywheelStore;
import dev.flywheel.backend.store.LabeledAnnotation;
import dev.flywheel.backend.store.Project;
import dev.flywheel.backend.store.ServedPrediction;
import dev.flywheel.backend.store.Task;
import dev.flywheel.backend.store.UnknownEntityException;
import dev.flywheel.model.api.Agreement;
import dev.flywheel.model.api.AuditState;
import dev.flywheel.model.api.AnnotatorStats;
import dev.flywheel.backend.kind.LabelIssueFindings;
import dev.flywheel.model.api.IssueCoverage;
import dev.flywheel.model.api.LabelIssue;
import dev.flywheel.model.api.LabelIssuesPage;
import dev.flywheel.model.api.ProjectStats;
import dev.flywheel.model.api.TaskPrediction;
import dev.flywheel.model.api.TaskSummary;
import dev.flywheel.model.api.TasksPage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The dataset part of the insights API: statistics, the task list with predictions and issues, and likely label
 * errors, found the way the project's task kind finds them.
 */
public final class DatasetInsights {

    private final FlywheelStore store;
    private final ModelRegistry registry;
    private final TaskKinds kinds;
    private final ServedProbabilities probabilities;
    private final AuditFiles audits;
    private final int auditFolds;

    // Label issues per project, as the training worker last computed them.
    private final Map<Long, LabelIssueFindings> cache = new java.util.concurrent.ConcurrentHashMap<>();

    /** Without {@code audits} the label issues say nothing of the audit (tests of the rest). */
    public DatasetInsights(FlywheelStore store, ModelRegistry registry, TaskKinds kinds, ObjectMapper mapper) {
        this(store, registry, kinds, mapper, null, 0);
    }

    /** {@code audits} and {@code auditFolds} (0: off) tell whether a list of label issues is provisional. */
    public DatasetInsights(FlywheelStore store, ModelRegistry registry, TaskKinds kinds, ObjectMapper mapper, AuditFiles audits,
            int auditFolds) {
        this.store = store;
        this.registry = registry;
        this.kinds = kinds;
        this.probabilities = new ServedProbabilities(mapper);
        this.audits = audits;
        this.auditFolds = auditFolds;
    }

    /** Recomputes a project's label issues; the training worker calls it after each run and audit. */
    public void refresh(long project) {
        compute(project);
    }

    public ProjectStats stats(long project) {
        requireProject(project);
        DatasetCounts counts = store.dataset().counts(project);
        Map<String, Long> classCounts = new LinkedHashMap<>();
        store.dataset().classCounts(project).forEach(c -> classCounts.put(c.label(), c.count()));
        Map<Long, String> names = store.annotators().names(project);
        List<AnnotatorStats> annotators = store.dataset().annotators(project).stream()
                .sorted(Comparator.comparingLong(AnnotatorActivity::annotations).reversed())
                .map(a -> new AnnotatorStats(a.annotatorId(), a.annotations(), DatasetStats.median(a.leadTimesSeconds()),
                        names.get(a.annotatorId())))
                .toList();
        Map<Long, List<String>> multiple = new LinkedHashMap<>();
        store.dataset().tasksWithSeveralAnnotations(project).forEach((task, list) ->
                multiple.put(task, list.stream().filter(a -> !a.labels().isEmpty()).map(a -> a.labels().getFirst()).toList()));
        Agreement agreement = AnnotatorAgreement.pairwise(multiple);
        return new ProjectStats(counts.tasks(), counts.annotatedTasks(), counts.annotations(), counts.skipped(),
                DatasetStats.classCounts(classCounts), DatasetStats.imbalanceRatio(classCounts), annotators, agreement,
                issues(project).size());
    }

    public LabelIssuesPage labelIssues(long project, Page page) {
        requireProject(project);
        LabelIssueFindings findings = findings(project);
        List<LabelIssue> all = findings.issues();
        Optional<ModelManifest> newest = newest(project);
        return new LabelIssuesPage(newest.map(ModelManifest::version).orElse(null), withAnnotators(project, page.slice(all)),
                page.next(all.size()), audit(project, newest), new IssueCoverage(findings.labeled(), findings.outOfSample()),
                findings.estimatedNoiseRate());
    }

    /** The page's issues with who gave each label: two queries per page, however many issues it shows. */
    private List<LabelIssue> withAnnotators(long project, List<LabelIssue> issues) {
        Map<Long, String> names = store.annotators().names(project);
        Map<Long, Long> authors = store.annotators().authors(project);
        return issues.stream().map(issue -> {
            Long user = issue.annotationId() == null ? null : authors.get(issue.annotationId());
            return user == null ? issue : issue.withAnnotator(user, names.get(user));
        }).toList();
    }

    /** Whether the newest version's audit is written yet: until it is, the issues come from weaker evidence. */
    private AuditState audit(long project, Optional<ModelManifest> newest) {
        if (audits == null) {
            return null;
        }
        if (newest.isEmpty()) {
            return new AuditState(AuditState.NONE, null);
        }
        String version = newest.get().version();
        if (auditFolds == 0) {
            return new AuditState(AuditState.OFF, version);
        }
        AuditFiles.Times times = audits.times(project, version);
        return new AuditState(times.finished().isPresent() ? AuditState.DONE : AuditState.RUNNING, version,
                times.started().map(Object::toString).orElse(null), times.finished().map(Object::toString).orElse(null));
    }

    /**
     * The project's tasks with their labels, latest prediction and issue.
     *
     * @param label only tasks with this label, or null
     * @param hasIssue only tasks flagged as likely label errors
     * @param byUncertainty most uncertain prediction first (smallest margin between the top two probabilities)
     */
    public TasksPage tasks(long project, String label, boolean hasIssue, boolean byUncertainty, Page page) {
        requireProject(project);
        Map<Long, List<String>> labels = new LinkedHashMap<>();
        for (LabeledAnnotation a : store.annotations().trainingSet(project)) {
            labels.computeIfAbsent(a.taskId(), k -> new ArrayList<>()).addAll(a.labels());
        }
        Map<Long, ServedPrediction> predictions = store.predictions().latestPerTask(project);
        Map<Long, LabelIssue> issues = issues(project).stream().collect(Collectors.toMap(LabelIssue::taskId, Function.identity(), (a, b) -> a));
        List<TaskSummary> summaries = new ArrayList<>();
        for (Task task : store.tasks().list(project)) {
            List<String> taskLabels = labels.getOrDefault(task.id(), List.of()).stream().distinct().toList();
            if ((label != null && !taskLabels.contains(label)) || (hasIssue && !issues.containsKey(task.id()))) {
                continue;
            }
            ServedPrediction p = predictions.get(task.id());
            TaskPrediction prediction = p == null ? null : new TaskPrediction(p.labels(), p.score().orElse(null), p.modelVersion());
            summaries.add(new TaskSummary(task.id(), task.imageRef().orElse(null), taskLabels, prediction, issues.get(task.id())));
        }
        if (byUncertainty) {
            // Tasks without a prediction go last: nothing says they are uncertain.
            Map<Long, Double> margins = new LinkedHashMap<>();
            predictions.forEach((task, p) -> probabilities.values(p).ifPresent(values -> margins.put(task, Uncertainty.margin(values))));
            summaries.sort(Comparator.comparingDouble((TaskSummary t) -> margins.getOrDefault(t.id(), Double.MAX_VALUE)).thenComparingLong(TaskSummary::id));
        }
        return new TasksPage(page.slice(summaries), page.next(summaries.size()));
    }

    /**
     * Likely label errors, most likely first, as the training worker last computed them. Only a project never computed
     * before is computed here; otherwise requests never pay for confident learning, and the worker refreshes after
     * every run and audit (the events that change the evidence).
     */
    List<LabelIssue> issues(long project) {
        return findings(project).issues();
    }

    private LabelIssueFindings findings(long project) {
        LabelIssueFindings cached = cache.get(project);
        return cached != null ? cached : compute(project);
    }

    private LabelIssueFindings compute(long project) {
        Project found = requireProject(project);
        Optional<ModelManifest> newest = newest(project);
        LabelIssueFindings computed = kinds.named(found.definition().taskType()).map(kind -> kind.labelIssues(found, newest))
                .orElse(LabelIssueFindings.NONE);
        cache.put(project, computed);
        return computed;
    }

    private Optional<ModelManifest> newest(long project) {
        return registry.versions(project).stream().findFirst();
    }

    private Project requireProject(long project) {
        return store.projects().find(project)
                .orElseThrow(() -> new UnknownEntityException("Flywheel has not seen project " + project + " yet"));
    }
}
