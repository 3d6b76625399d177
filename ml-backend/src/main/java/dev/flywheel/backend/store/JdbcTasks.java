package dev.flywheel.backend.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** {@link TaskStore} in SQL that SQLite and PostgreSQL both run. */
record JdbcTasks(Database database) implements TaskStore {

    @Override
    public void saveAll(List<Task> tasks) {
        database.writeBatch("INSERT INTO task (project_id, id, data_json,"
                + " image_ref, created_at, deleted) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (project_id, id)"
                + " DO UPDATE SET data_json = excluded.data_json, image_ref = excluded.image_ref,"
                + " created_at = excluded.created_at", tasks, (upsert, task) -> {
                    upsert.setLong(1, task.projectId());
                    upsert.setLong(2, task.id());
                    upsert.setString(3, task.dataJson());
                    Rows.setString(upsert, 4, task.imageRef());
                    upsert.setString(5, Times.format(task.createdAt()));
                    upsert.setInt(6, task.deleted() ? 1 : 0);
                });
    }

    @Override
    public int markDeleted(long projectId, Collection<Long> taskIds) {
        return database.write(connection -> Sql.updateEach(connection,
                "UPDATE task SET deleted = 1 WHERE project_id = ? AND id = ? AND deleted = 0", taskIds, id -> List.of(projectId, id)));
    }

    @Override
    public Optional<Task> find(long projectId, long taskId) {
        return database.read(connection -> Sql.first(connection, "SELECT project_id, id, data_json, image_ref, created_at,"
                + " deleted FROM task WHERE project_id = ? AND id = ?", JdbcTasks::task, projectId, taskId));
    }

    @Override
    public List<Task> list(long projectId) {
        return database.read(connection -> Sql.list(connection, "SELECT project_id, id, data_json, image_ref, created_at,"
                + " deleted FROM task WHERE project_id = ? AND deleted = 0 ORDER BY id", JdbcTasks::task, projectId));
    }

    private static Task task(ResultSet row) throws SQLException {
        return new Task(row.getLong("project_id"), row.getLong("id"), row.getString("data_json"), Rows.optString(row, "image_ref"),
                Rows.instant(row, "created_at"), Rows.flag(row, "deleted"));
    }
}
