package dev.flywheel.backend.store;

import dev.flywheel.model.api.PrelabelJobState;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** {@link PrelabelJobStore} in SQL that SQLite and PostgreSQL both run: task outcomes and counters move together in one transaction. */
record JdbcPrelabelJobs(Database database, Clock clock) implements PrelabelJobStore {

    private static final String COLUMNS = "id, project_id, model_version, only_unlabeled, status, next_page, total, done, skipped,"
            + " failed, error, created_at, updated_at";
    /** Task ids bound per {@code IN (...)} query, well under SQLite's and PostgreSQL's limits of bound parameters. */
    private static final int IN_CHUNK = 500;

    @Override
    public PrelabelJobRecord create(String id, long projectId, String version, boolean onlyUnlabeled) {
        String now = Times.format(clock.instant());
        return database.write(connection -> {
            Sql.update(connection, "INSERT INTO prelabel_job (" + COLUMNS + ") VALUES (?, ?, ?, ?, 'queued', 1, 0, 0, 0, 0, NULL, ?, ?)",
                    id, projectId, version, onlyUnlabeled ? 1 : 0, now, now);
            return find(connection, id).orElseThrow();
        });
    }

    @Override
    public Optional<PrelabelJobRecord> find(String id) {
        return database.read(connection -> find(connection, id));
    }

    @Override
    public List<PrelabelJobRecord> list(long projectId) {
        return database.read(connection -> Sql.list(connection, "SELECT " + COLUMNS + " FROM prelabel_job WHERE project_id = ?"
                + " ORDER BY created_at DESC, id DESC", JdbcPrelabelJobs::job, projectId));
    }

    @Override
    public List<PrelabelJobRecord> unfinished() {
        return database.read(connection -> Sql.list(connection, "SELECT " + COLUMNS + " FROM prelabel_job"
                + " WHERE status IN ('queued', 'running') ORDER BY created_at, id", JdbcPrelabelJobs::job));
    }

    @Override
    public Set<Long> handled(String id, Collection<Long> taskIds) {
        List<Long> ids = List.copyOf(taskIds);
        return database.read(connection -> {
            Set<Long> found = new HashSet<>();
            for (int from = 0; from < ids.size(); from += IN_CHUNK) {
                List<Long> part = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
                String marks = String.join(",", java.util.Collections.nCopies(part.size(), "?"));
                List<Object> params = new ArrayList<>();
                params.add(id);
                params.addAll(part);
                found.addAll(Sql.list(connection, "SELECT task_id FROM prelabel_job_task WHERE job_id = ? AND task_id IN (" + marks + ")",
                        row -> row.getLong(1), params.toArray()));
            }
            return found;
        });
    }

    @Override
    public PrelabelJobRecord record(String id, TaskOutcomes outcomes) {
        return database.write(connection -> {
            int done = insert(connection, id, outcomes.done(), "done");
            int skipped = insert(connection, id, outcomes.skipped(), "skipped");
            int failed = insert(connection, id, outcomes.failed(), "failed");
            return updateOne(connection, id, "done = done + ?, skipped = skipped + ?, failed = failed + ?", done, skipped, failed);
        });
    }

    @Override
    public PrelabelJobRecord advance(String id, int nextPage, long total) {
        return database.write(connection -> updateOne(connection, id, "next_page = ?, total = ?", nextPage, total));
    }

    @Override
    public PrelabelJobRecord status(String id, PrelabelJobState status, Optional<String> error) {
        return database.write(connection -> updateOne(connection, id, "status = ?, error = ?", name(status), error));
    }

    /** Inserts the outcomes not recorded yet and answers how many were new. */
    private static int insert(Connection connection, String id, List<Long> tasks, String outcome) throws SQLException {
        if (tasks.isEmpty()) {
            return 0;
        }
        return Sql.updateEach(connection, "INSERT INTO prelabel_job_task (job_id, task_id, outcome) VALUES (?, ?, ?)"
                + " ON CONFLICT (job_id, task_id) DO NOTHING", tasks, task -> List.of(id, task, outcome));
    }

    /** Sets {@code assignments} and the time of the change on job {@code id}, which must exist, and reads it back. */
    private PrelabelJobRecord updateOne(Connection connection, String id, String assignments, Object... values) throws SQLException {
        List<Object> params = new ArrayList<>(Arrays.asList(values));
        params.add(Times.format(clock.instant()));
        params.add(id);
        if (Sql.update(connection, "UPDATE prelabel_job SET " + assignments + ", updated_at = ? WHERE id = ?", params.toArray()) != 1) {
            throw new UnknownEntityException("no pre-label job " + id);
        }
        return find(connection, id).orElseThrow();
    }

    private static Optional<PrelabelJobRecord> find(Connection connection, String id) throws SQLException {
        return Sql.first(connection, "SELECT " + COLUMNS + " FROM prelabel_job WHERE id = ?", JdbcPrelabelJobs::job, id);
    }

    private static PrelabelJobRecord job(ResultSet row) throws SQLException {
        return new PrelabelJobRecord(row.getString("id"), row.getLong("project_id"), row.getString("model_version"),
                row.getInt("only_unlabeled") != 0, PrelabelJobState.valueOf(row.getString("status").toUpperCase(Locale.ROOT)),
                row.getInt("next_page"), row.getLong("total"), row.getLong("done"), row.getLong("skipped"), row.getLong("failed"),
                Rows.optString(row, "error"), Rows.instant(row, "created_at"), Rows.instant(row, "updated_at"));
    }

    private static String name(PrelabelJobState status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
