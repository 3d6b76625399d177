package dev.flywheel.backend.store;

import static dev.flywheel.backend.store.JdbcAnnotations.LIVE;
import static dev.flywheel.backend.store.JdbcAnnotations.USABLE;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link DatasetQueries}; each method reads one consistent snapshot. */
record JdbcDatasetQueries(Database database, LabelsJson json) implements DatasetQueries {

    private static final String NOT_SKIPPED = " AND a.was_cancelled = 0";

    @Override
    public DatasetCounts counts(long projectId) {
        return database.read(connection -> new DatasetCounts(
                // A task we only know from an annotation (its TASKS_CREATED never came) still counts.
                Sql.count(connection, "SELECT COUNT(*) FROM (SELECT id FROM task WHERE project_id = ? AND deleted = 0"
                        + " UNION SELECT a.task_id" + LIVE + ") AS known", projectId, projectId),
                Sql.count(connection, "SELECT COUNT(DISTINCT a.task_id)" + LIVE + NOT_SKIPPED, projectId),
                Sql.count(connection, "SELECT COUNT(*)" + LIVE + NOT_SKIPPED, projectId),
                Sql.count(connection, "SELECT COUNT(*)" + LIVE + " AND a.was_cancelled = 1", projectId)));
    }

    @Override
    public List<ClassCount> classCounts(long projectId) {
        // Counted here rather than with SQLite's json_each or PostgreSQL's json_array_elements_text: one query for both.
        return database.read(connection -> {
            Map<String, Long> counts = new HashMap<>();
            Sql.each(connection, "SELECT a.labels_json" + LIVE + NOT_SKIPPED,
                    row -> json.read(row.getString("labels_json")).forEach(label -> counts.merge(label, 1L, Long::sum)), projectId);
            return counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .map(e -> new ClassCount(e.getKey(), e.getValue()))
                    .toList();
        });
    }

    @Override
    public List<AnnotatorActivity> annotators(long projectId) {
        return database.read(connection -> {
            Map<Long, List<Double>> leadTimes = new LinkedHashMap<>();
            Map<Long, Long> counts = new LinkedHashMap<>();
            Sql.each(connection, "SELECT a.completed_by, a.lead_time_s" + LIVE + NOT_SKIPPED
                    + " AND a.completed_by IS NOT NULL ORDER BY a.completed_by, a.lead_time_s", row -> {
                        long annotator = row.getLong("completed_by");
                        counts.merge(annotator, 1L, Long::sum);
                        List<Double> times = leadTimes.computeIfAbsent(annotator, id -> new ArrayList<>());
                        Rows.optDouble(row, "lead_time_s").ifPresent(times::add);
                    }, projectId);
            List<AnnotatorActivity> activity = new ArrayList<>();
            counts.forEach((id, count) -> activity.add(new AnnotatorActivity(id, count, leadTimes.get(id))));
            return activity;
        });
    }

    @Override
    public Map<Long, List<LabeledAnnotation>> tasksWithSeveralAnnotations(long projectId) {
        return database.read(connection -> {
            Map<Long, List<LabeledAnnotation>> byTask = new LinkedHashMap<>();
            Sql.list(connection, USABLE + " AND a.task_id IN (SELECT a.task_id" + LIVE + NOT_SKIPPED
                    + " GROUP BY a.task_id HAVING COUNT(*) > 1) ORDER BY a.task_id, a.id", row -> JdbcAnnotations.labeled(row, json),
                    projectId, projectId).forEach(labeled -> byTask.computeIfAbsent(labeled.taskId(), id -> new ArrayList<>()).add(labeled));
            return byTask;
        });
    }
}
