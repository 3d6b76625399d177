package dev.flywheel.backend.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** {@link ProjectStore} in SQL that SQLite and PostgreSQL both run. */
record JdbcProjects(Database database, LabelsJson json, Clock clock) implements ProjectStore {

    private static final String SELECT = "SELECT id, title, label_config, labels_json, task_type, config_revision,"
            + " active_version, created_at, updated_at FROM project";

    @Override
    public Project save(ProjectDefinition definition) {
        return database.write(connection -> {
            String now = Times.format(clock.instant());
            Optional<Project> stored = find(connection, definition.id());
            if (stored.isEmpty()) {
                insert(connection, definition, now);
                addRevision(connection, definition, 1, now);
            } else if (!stored.get().definition().equals(definition)) {
                ProjectDefinition old = stored.get().definition();
                boolean newConfig = !old.labelConfig().equals(definition.labelConfig())
                        || !old.labels().equals(definition.labels())
                        || !old.taskType().equals(definition.taskType());
                int revision = stored.get().configRevision() + (newConfig ? 1 : 0);
                update(connection, definition, revision, now);
                if (newConfig) {
                    addRevision(connection, definition, revision, now);
                }
            }
            return find(connection, definition.id()).orElseThrow();
        });
    }

    private void insert(Connection connection, ProjectDefinition definition, String now) throws SQLException {
        Sql.update(connection, "INSERT INTO project (id, title, label_config, labels_json, task_type, config_revision, created_at,"
                + " updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?)", definition.id(), definition.title(), definition.labelConfig(),
                json.write(definition.labels()), definition.taskType(), now, now);
    }

    private void update(Connection connection, ProjectDefinition definition, int revision, String now) throws SQLException {
        Sql.update(connection, "UPDATE project SET title = ?, label_config = ?, labels_json = ?, task_type = ?, config_revision = ?,"
                + " updated_at = ? WHERE id = ?", definition.title(), definition.labelConfig(), json.write(definition.labels()),
                definition.taskType(), revision, now, definition.id());
    }

    private void addRevision(Connection connection, ProjectDefinition definition, int revision, String now) throws SQLException {
        Sql.update(connection, "INSERT INTO label_config_revision (project_id, revision, label_config, labels_json, task_type,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?)", definition.id(), revision, definition.labelConfig(),
                json.write(definition.labels()), definition.taskType(), now);
    }

    @Override
    public Optional<Project> find(long projectId) {
        return database.read(connection -> find(connection, projectId));
    }

    private Optional<Project> find(Connection connection, long projectId) throws SQLException {
        return Sql.first(connection, SELECT + " WHERE id = ?", this::project, projectId);
    }

    @Override
    public List<Project> list() {
        return database.read(connection -> Sql.list(connection, SELECT + " ORDER BY id", this::project));
    }

    @Override
    public List<LabelConfigRevision> configHistory(long projectId) {
        return database.read(connection -> Sql.list(connection, "SELECT revision, label_config, labels_json, task_type, created_at"
                + " FROM label_config_revision WHERE project_id = ? ORDER BY revision", row -> new LabelConfigRevision(projectId,
                        row.getInt("revision"), row.getString("label_config"), json.read(row.getString("labels_json")),
                        row.getString("task_type"), Rows.instant(row, "created_at")), projectId));
    }

    private Project project(ResultSet row) throws SQLException {
        ProjectDefinition definition = new ProjectDefinition(row.getLong("id"), row.getString("title"),
                row.getString("label_config"), json.read(row.getString("labels_json")), row.getString("task_type"));
        return new Project(definition, row.getInt("config_revision"), Rows.optString(row, "active_version"),
                Rows.instant(row, "created_at"), Rows.instant(row, "updated_at"));
    }
}
