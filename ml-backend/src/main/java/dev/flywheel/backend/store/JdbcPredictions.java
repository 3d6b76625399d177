package dev.flywheel.backend.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link PredictionStore}: an append-only log, "latest" meaning the highest row id. */
record JdbcPredictions(Database database, LabelsJson json) implements PredictionStore {

    private static final String SELECT = "SELECT project_id, task_id, model_version, labels_json, result_json, score,"
            + " probabilities_json, served_at FROM prediction";

    @Override
    public void record(ServedPrediction prediction) {
        recordAll(List.of(prediction));
    }

    @Override
    public void recordAll(List<ServedPrediction> predictions) {
        database.writeBatch("INSERT INTO prediction (project_id, task_id,"
                + " model_version, labels_json, result_json, score, probabilities_json, served_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", predictions, (insert, prediction) -> {
                    insert.setLong(1, prediction.projectId());
                    insert.setLong(2, prediction.taskId());
                    insert.setString(3, prediction.modelVersion());
                    insert.setString(4, json.write(prediction.labels()));
                    insert.setString(5, prediction.resultJson());
                    Rows.setDouble(insert, 6, prediction.score());
                    Rows.setString(insert, 7, prediction.probabilitiesJson());
                    insert.setString(8, Times.format(prediction.servedAt()));
                });
    }

    @Override
    public Optional<ServedPrediction> latest(long projectId, long taskId) {
        return database.read(connection -> Sql.first(connection, SELECT + " WHERE project_id = ? AND task_id = ? ORDER BY id DESC LIMIT 1",
                this::prediction, projectId, taskId));
    }

    @Override
    public Map<Long, ServedPrediction> latestPerTask(long projectId) {
        return database.read(connection -> {
            Map<Long, ServedPrediction> latest = new LinkedHashMap<>();
            Sql.list(connection, SELECT + " WHERE id IN (SELECT MAX(id) FROM prediction WHERE project_id = ? GROUP BY task_id)"
                    + " ORDER BY task_id", this::prediction, projectId).forEach(p -> latest.put(p.taskId(), p));
            return latest;
        });
    }

    private ServedPrediction prediction(ResultSet row) throws SQLException {
        return new ServedPrediction(row.getLong("project_id"), row.getLong("task_id"), row.getString("model_version"),
                json.read(row.getString("labels_json")), row.getString("result_json"), Rows.optDouble(row, "score"),
                Rows.optString(row, "probabilities_json"), Rows.instant(row, "served_at"));
    }
}
