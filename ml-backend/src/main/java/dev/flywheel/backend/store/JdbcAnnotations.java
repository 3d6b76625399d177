package dev.flywheel.backend.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** {@link AnnotationStore}: an upsert that only takes a new change sequence when content changes. */
record JdbcAnnotations(Database database, LabelsJson json) implements AnnotationStore {

    /** Annotations of one project (parameter 1) that are not deleted and whose task, if stored, is not deleted. */
    static final String LIVE = " FROM annotation a LEFT JOIN task t ON t.project_id = a.project_id"
            + " AND t.id = a.task_id WHERE a.project_id = ? AND a.deleted = 0 AND COALESCE(t.deleted, 0) = 0";

    /** Usable annotations: live and not skipped; mapped by {@link #labeled}. */
    static final String USABLE = "SELECT a.id, a.task_id, t.image_ref, a.labels_json, a.completed_by,"
            + " a.lead_time_s, a.ground_truth" + LIVE + " AND a.was_cancelled = 0";

    private static final String NEXT_SEQ = "(SELECT COALESCE(MAX(change_seq), 0) + 1 FROM annotation)";

    // The WHERE clause makes a replay a no-op: a deleted row, an older update, or identical content keeps its row.
    private static final String UPSERT = "INSERT INTO annotation (project_id, id, task_id, completed_by, created_at,"
            + " updated_at, lead_time_s, result_json, labels_json, was_cancelled, ground_truth, change_seq)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " + NEXT_SEQ + ") ON CONFLICT (project_id, id) DO UPDATE SET"
            + " task_id = excluded.task_id, completed_by = excluded.completed_by, created_at = excluded.created_at,"
            + " updated_at = excluded.updated_at, lead_time_s = excluded.lead_time_s,"
            + " result_json = excluded.result_json, labels_json = excluded.labels_json,"
            + " was_cancelled = excluded.was_cancelled, ground_truth = excluded.ground_truth,"
            + " change_seq = excluded.change_seq"
            + " WHERE annotation.deleted = 0"
            + " AND (annotation.updated_at IS NULL OR excluded.updated_at IS NULL"
            + " OR excluded.updated_at >= annotation.updated_at)"
            + " AND (annotation.task_id IS DISTINCT FROM excluded.task_id OR annotation.completed_by IS DISTINCT FROM excluded.completed_by"
            + " OR annotation.created_at IS DISTINCT FROM excluded.created_at OR annotation.updated_at IS DISTINCT FROM excluded.updated_at"
            + " OR annotation.lead_time_s IS DISTINCT FROM excluded.lead_time_s OR annotation.result_json IS DISTINCT FROM excluded.result_json"
            + " OR annotation.labels_json IS DISTINCT FROM excluded.labels_json"
            + " OR annotation.was_cancelled IS DISTINCT FROM excluded.was_cancelled"
            + " OR annotation.ground_truth IS DISTINCT FROM excluded.ground_truth)";

    @Override
    public WriteOutcome save(Annotation annotation) {
        return database.write(connection -> {
            boolean existed = find(connection, annotation.projectId(), annotation.id()).isPresent();
            int rows;
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                upsert.setLong(1, annotation.projectId());
                upsert.setLong(2, annotation.id());
                upsert.setLong(3, annotation.taskId());
                Rows.setLong(upsert, 4, annotation.completedBy());
                Rows.setInstant(upsert, 5, annotation.createdAt());
                Rows.setInstant(upsert, 6, annotation.updatedAt());
                Rows.setDouble(upsert, 7, annotation.leadTimeSeconds());
                upsert.setString(8, annotation.resultJson());
                upsert.setString(9, json.write(annotation.labels()));
                upsert.setInt(10, annotation.wasCancelled() ? 1 : 0);
                upsert.setInt(11, annotation.groundTruth() ? 1 : 0);
                rows = upsert.executeUpdate();
            }
            if (rows == 0) {
                return WriteOutcome.UNCHANGED;
            }
            return existed ? WriteOutcome.UPDATED : WriteOutcome.CREATED;
        });
    }

    @Override
    public int markDeleted(long projectId, Collection<Long> annotationIds) {
        return database.write(connection -> Sql.updateEach(connection, "UPDATE annotation SET deleted = 1, change_seq = " + NEXT_SEQ
                + " WHERE project_id = ? AND id = ? AND deleted = 0", annotationIds, id -> List.of(projectId, id)));
    }

    @Override
    public Optional<StoredAnnotation> find(long projectId, long annotationId) {
        return database.read(connection -> find(connection, projectId, annotationId));
    }

    private Optional<StoredAnnotation> find(Connection connection, long projectId, long annotationId) throws SQLException {
        return Sql.first(connection, "SELECT * FROM annotation WHERE project_id = ? AND id = ?", row -> new StoredAnnotation(
                new Annotation(projectId, annotationId, row.getLong("task_id"), Rows.optLong(row, "completed_by"),
                        Rows.optInstant(row, "created_at"), Rows.optInstant(row, "updated_at"), Rows.optDouble(row, "lead_time_s"),
                        row.getString("result_json"), json.read(row.getString("labels_json")), Rows.flag(row, "was_cancelled"),
                        Rows.flag(row, "ground_truth")),
                Rows.flag(row, "deleted"), row.getLong("change_seq")), projectId, annotationId);
    }

    @Override
    public long latestSequence(long projectId) {
        return database.read(connection -> Sql.count(connection,
                "SELECT COALESCE(MAX(change_seq), 0) FROM annotation WHERE project_id = ?", projectId));
    }

    @Override
    public long countChangedSince(long projectId, long sequence) {
        return database.read(connection -> Sql.count(connection,
                "SELECT COUNT(*) FROM annotation WHERE project_id = ? AND change_seq > ?", projectId, sequence));
    }

    @Override
    public List<LabeledAnnotation> trainingSet(long projectId) {
        return database.read(connection -> Sql.list(connection, USABLE + " ORDER BY a.task_id, a.id", row -> labeled(row, json), projectId));
    }

    @Override
    public List<AnnotationResult> trainingResults(long projectId) {
        return database.read(connection -> Sql.list(connection, "SELECT a.id, a.task_id, t.image_ref, a.result_json" + LIVE
                + " AND a.was_cancelled = 0 ORDER BY a.task_id, a.id", row -> new AnnotationResult(row.getLong("id"),
                        row.getLong("task_id"), Rows.optString(row, "image_ref"), Optional.ofNullable(row.getString("result_json")).orElse("[]")),
                projectId));
    }

    static LabeledAnnotation labeled(ResultSet row, LabelsJson json) throws SQLException {
        return new LabeledAnnotation(row.getLong("id"), row.getLong("task_id"), Rows.optString(row, "image_ref"),
                json.read(row.getString("labels_json")), Rows.optLong(row, "completed_by"),
                Rows.optDouble(row, "lead_time_s"), Rows.flag(row, "ground_truth"));
    }
}
