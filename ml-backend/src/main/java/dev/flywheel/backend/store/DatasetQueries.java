package dev.flywheel.backend.store;

import java.util.List;
import java.util.Map;

/** Read-only aggregates over a project's stored tasks and annotations, for the insights API and analytics. */
public interface DatasetQueries {

    DatasetCounts counts(long projectId);

    /** Usable annotations per label, most frequent first. */
    List<ClassCount> classCounts(long projectId);

    /** Usable annotations per known annotator, by annotator id. */
    List<AnnotatorActivity> annotators(long projectId);

    /** Tasks with two or more usable annotations, keyed by task id in ascending order, for agreement. */
    Map<Long, List<LabeledAnnotation>> tasksWithSeveralAnnotations(long projectId);
}
