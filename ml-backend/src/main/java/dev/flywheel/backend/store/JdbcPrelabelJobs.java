package dev.flywheel.backend.store;

import dev.flywheel.model.api.PrelabelJobState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** {@link PrelabelJobStore} in SQL that SQLite and PostgreSQL both run: task outcomes and counters move together in one transaction. */
final class JdbcPrelabelJobs implements PrelabelJobStore {

    private static final String COLUMNS = "id, project_id, model_version, only_unlabeled, status, next_page, total, done, skipped,"
            + " failed, error, created_at, updated_at";
    /** Task ids bound per {@code IN (...)} query, well under SQLite's and PostgreSQL's limits of bound parameters. */
    private static final int IN_CHUNK = 500;

    private final Database database;
    private final Clock clock;

    JdbcPrelabelJobs(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public PrelabelJobRecord create(String id, long projectId, String version, boolean onlyUnlabeled) {
        String now = Times.format(clock.instant());
        return database.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO prelabel_job (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, 'queued', 1, 0, 0, 0, 0, NULL, ?, ?)")) {
                insert.setString(1, id);
                insert.setLong(2, projectId);
                insert.setString(3, version);
                insert.setInt(4, onlyUnlabeled ? 1 : 0);
                insert.setString(5, now);
                insert.setString(6, now);
                insert.executeUpdate();
            }
            return find(connection, id).orElseThrow();
        });
    }

    @Override
    public Optional<PrelabelJobRecord> find(String id) {
        return database.read(connection -> find(connection, id));
    }

    @Override
    public List<PrelabelJobRecord> list(long projectId) {
        return database.read(connection -> query(connection, "SELECT " + COLUMNS + " FROM prelabel_job WHERE project_id = ?"
                + " ORDER BY created_at DESC, id DESC", projectId));
    }

    @Override
    public List<PrelabelJobRecord> unfinished() {
        return database.read(connection -> query(connection, "SELECT " + COLUMNS + " FROM prelabel_job WHERE status IN ('queued', 'running')"
                + " ORDER BY created_at, id"));
    }

    @Override
    public Set<Long> handled(String id, Collection<Long> taskIds) {
        List<Long> ids = List.copyOf(taskIds);
        return database.read(connection -> {
            Set<Long> found = new HashSet<>();
            for (int from = 0; from < ids.size(); from += IN_CHUNK) {
                List<Long> part = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
                String marks = String.join(",", java.util.Collections.nCopies(part.size(), "?"));
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT task_id FROM prelabel_job_task WHERE job_id = ? AND task_id IN (" + marks + ")")) {
                    select.setString(1, id);
                    for (int i = 0; i < part.size(); i++) {
                        select.setLong(i + 2, part.get(i));
                    }
                    try (ResultSet row = select.executeQuery()) {
                        while (row.next()) {
                            found.add(row.getLong(1));
                        }
                    }
                }
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
            try (PreparedStatement update = connection.prepareStatement("UPDATE prelabel_job SET done = done + ?, skipped = skipped + ?,"
                    + " failed = failed + ?, updated_at = ? WHERE id = ?")) {
                update.setInt(1, done);
                update.setInt(2, skipped);
                update.setInt(3, failed);
                update.setString(4, Times.format(clock.instant()));
                update.setString(5, id);
                requireOne(update.executeUpdate(), id);
            }
            return find(connection, id).orElseThrow();
        });
    }

    @Override
    public PrelabelJobRecord advance(String id, int nextPage, long total) {
        return database.write(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE prelabel_job SET next_page = ?, total = ?, updated_at = ? WHERE id = ?")) {
                update.setInt(1, nextPage);
                update.setLong(2, total);
                update.setString(3, Times.format(clock.instant()));
                update.setString(4, id);
                requireOne(update.executeUpdate(), id);
            }
            return find(connection, id).orElseThrow();
        });
    }

    @Override
    public PrelabelJobRecord status(String id, PrelabelJobState status, Optional<String> error) {
        return database.write(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE prelabel_job SET status = ?, error = ?, updated_at = ? WHERE id = ?")) {
                update.setString(1, name(status));
                Rows.setString(update, 2, error);
                update.setString(3, Times.format(clock.instant()));
                update.setString(4, id);
                requireOne(update.executeUpdate(), id);
            }
            return find(connection, id).orElseThrow();
        });
    }

    /** Inserts the outcomes not recorded yet and answers how many were new. */
    private static int insert(Connection connection, String id, List<Long> tasks, String outcome) throws SQLException {
        if (tasks.isEmpty()) {
            return 0;
        }
        int inserted = 0;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO prelabel_job_task (job_id, task_id, outcome) VALUES (?, ?, ?) ON CONFLICT (job_id, task_id) DO NOTHING")) {
            for (long task : tasks) {
                insert.setString(1, id);
                insert.setLong(2, task);
                insert.setString(3, outcome);
                inserted += insert.executeUpdate();
            }
        }
        return inserted;
    }

    private static void requireOne(int updated, String id) {
        if (updated != 1) {
            throw new UnknownEntityException("no pre-label job " + id);
        }
    }

    private static Optional<PrelabelJobRecord> find(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM prelabel_job WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(job(row)) : Optional.empty();
            }
        }
    }

    private static List<PrelabelJobRecord> query(Connection connection, String sql, long... longs) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < longs.length; i++) {
                select.setLong(i + 1, longs[i]);
            }
            List<PrelabelJobRecord> jobs = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    jobs.add(job(row));
                }
            }
            return jobs;
        }
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
