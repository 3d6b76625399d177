package dev.flywheel.backend.store;

import dev.flywheel.model.api.ModelStatus;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** {@link TrainingRunStore}; status checks and updates share the writer's transaction. */
record JdbcTrainingRuns(Database database, Clock clock) implements TrainingRunStore {

    private static final String SELECT = "SELECT * FROM training_run";

    @Override
    public TrainingRun queue(long projectId, String version, Optional<String> parentVersion) {
        return database.write(connection -> {
            if (find(connection, projectId, version).isPresent()) {
                throw new RunStateException("model version " + version + " already exists");
            }
            Sql.update(connection, "INSERT INTO training_run (project_id, version, parent_version, status, created_at)"
                    + " VALUES (?, ?, ?, 'queued', ?)", projectId, version, parentVersion, now());
            return find(connection, projectId, version).orElseThrow();
        });
    }

    @Override
    public TrainingRun start(long projectId, String version, long throughSequence) {
        return move(projectId, version, ModelStatus.TRAINING, "started_at = ?, trained_through_seq = ?",
                now(), throughSequence);
    }

    @Override
    public TrainingRun finish(long projectId, String version, RunResult result) {
        return database.write(connection -> finish(connection, projectId, version, result));
    }

    @Override
    public boolean finishAndActivateIf(long projectId, String version, RunResult result, Optional<String> expectedActive,
            String notActivated) {
        return database.write(connection -> {
            finish(connection, projectId, version, result);
            // Compare and set inside the write transaction: an activation cannot slip between the read and the update.
            if (!activeVersion(connection, projectId).equals(expectedActive)) {
                setMessage(connection, projectId, version, notActivated);
                return false;
            }
            activate(connection, projectId, version);
            return true;
        });
    }

    private TrainingRun finish(Connection connection, long projectId, String version, RunResult result) throws SQLException {
        return move(connection, projectId, version, ModelStatus.READY, "finished_at = ?, trained_on = ?, dataset_size = ?,"
                + " metrics_json = ?, manifest_path = ?", now(), result.trainedOn(), result.datasetSize(),
                result.metricsJson(), result.manifestPath());
    }

    @Override
    public TrainingRun fail(long projectId, String version, String errorMessage) {
        return move(projectId, version, ModelStatus.FAILED, "finished_at = ?, error_message = ?", now(), errorMessage);
    }

    @Override
    public TrainingRun note(long projectId, String version, String note) {
        return database.write(connection -> {
            require(connection, projectId, version);
            setMessage(connection, projectId, version, note);
            return find(connection, projectId, version).orElseThrow();
        });
    }

    private static void setMessage(Connection connection, long projectId, String version, String message) throws SQLException {
        Sql.update(connection, "UPDATE training_run SET error_message = ? WHERE project_id = ? AND version = ?", message, projectId, version);
    }

    private TrainingRun move(long projectId, String version, ModelStatus next, String assignments, Object... values) {
        return database.write(connection -> move(connection, projectId, version, next, assignments, values));
    }

    private static TrainingRun move(Connection connection, long projectId, String version, ModelStatus next, String assignments,
            Object... values) throws SQLException {
        TrainingRun run = require(connection, projectId, version);
        if (!run.status().canMoveTo(next)) {
            throw new RunStateException("model version " + version + " is " + wire(run.status())
                    + " and cannot become " + wire(next));
        }
        List<Object> params = new ArrayList<>();
        params.add(wire(next));
        params.addAll(Arrays.asList(values));
        params.add(projectId);
        params.add(version);
        Sql.update(connection, "UPDATE training_run SET status = ?, " + assignments + " WHERE project_id = ? AND version = ?",
                params.toArray());
        return find(connection, projectId, version).orElseThrow();
    }

    @Override
    public Optional<TrainingRun> find(long projectId, String version) {
        return database.read(connection -> find(connection, projectId, version));
    }

    @Override
    public List<TrainingRun> list(long projectId) {
        return database.read(connection -> Sql.list(connection, SELECT + " WHERE project_id = ? ORDER BY created_at DESC, rowid DESC",
                JdbcTrainingRuns::run, projectId));
    }

    @Override
    public void activate(long projectId, String version) {
        database.write(connection -> activate(connection, projectId, version));
    }

    private static int activate(Connection connection, long projectId, String version) throws SQLException {
        TrainingRun run = require(connection, projectId, version);
        if (run.status() != ModelStatus.READY) {
            throw new RunStateException("model version " + version + " is " + wire(run.status())
                    + "; only a ready version can be activated");
        }
        return Sql.update(connection, "UPDATE project SET active_version = ? WHERE id = ?", version, projectId);
    }

    @Override
    public Optional<String> activeVersion(long projectId) {
        return database.read(connection -> activeVersion(connection, projectId));
    }

    @Override
    public TrainingRun markUnservable(long projectId, String version, String reason, Optional<String> servingInstead) {
        return database.write(connection -> {
            require(connection, projectId, version);
            // Not a step of a run's life (ready never moves on): a fact found later, that its files cannot be served.
            Sql.update(connection, "UPDATE training_run SET status = 'failed', error_message = ? WHERE project_id = ? AND version = ?",
                    reason, projectId, version);
            Sql.update(connection, "UPDATE project SET active_version = ? WHERE id = ? AND active_version = ?", servingInstead,
                    projectId, version);
            return find(connection, projectId, version).orElseThrow();
        });
    }

    private static Optional<String> activeVersion(Connection connection, long projectId) throws SQLException {
        return Sql.first(connection, "SELECT active_version FROM project WHERE id = ?", row -> Rows.optString(row, "active_version"),
                projectId).flatMap(active -> active);
    }

    @Override
    public List<TrainingRun> failInterrupted(String reason) {
        return database.write(connection -> {
            List<TrainingRun> interrupted = Sql.list(connection, SELECT + " WHERE status IN ('queued', 'training')", JdbcTrainingRuns::run);
            Sql.update(connection, "UPDATE training_run SET status = 'failed', finished_at = ?, error_message = ?"
                    + " WHERE status IN ('queued', 'training')", now(), reason);
            return interrupted;
        });
    }

    private String now() {
        return Times.format(clock.instant());
    }

    private static TrainingRun require(Connection connection, long projectId, String version) throws SQLException {
        return find(connection, projectId, version).orElseThrow(
                () -> new RunStateException("model version " + version + " of project " + projectId + " is unknown"));
    }

    private static Optional<TrainingRun> find(Connection connection, long projectId, String version)
            throws SQLException {
        return Sql.first(connection, SELECT + " WHERE project_id = ? AND version = ?", JdbcTrainingRuns::run, projectId, version);
    }

    private static TrainingRun run(ResultSet row) throws SQLException {
        ModelStatus status = ModelStatus.valueOf(row.getString("status").toUpperCase(java.util.Locale.ROOT));
        Optional<RunResult> result = status != ModelStatus.READY ? Optional.empty() : Optional.of(new RunResult(
                row.getInt("trained_on"), row.getInt("dataset_size"), row.getString("metrics_json"),
                row.getString("manifest_path")));
        return new TrainingRun(row.getLong("project_id"), row.getString("version"),
                Rows.optString(row, "parent_version"), status, Rows.instant(row, "created_at"),
                Rows.optInstant(row, "started_at"), Rows.optInstant(row, "finished_at"),
                Rows.optLong(row, "trained_through_seq"), result, Rows.optString(row, "error_message"));
    }

    /** A status as the database stores it: the insights API's lower-case name. */
    private static String wire(ModelStatus status) {
        return status.name().toLowerCase(java.util.Locale.ROOT);
    }
}
