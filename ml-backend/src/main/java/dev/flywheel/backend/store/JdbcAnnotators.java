package dev.flywheel.backend.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@link AnnotatorStore}: one row per project and user, rewritten only when the name changes. */
record JdbcAnnotators(Database database, Clock clock) implements AnnotatorStore {

    @Override
    public void remember(long projectId, long userId, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an annotator's name must not be blank");
        }
        database.write(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO annotator (project_id, id, name, updated_at)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT (project_id, id) DO UPDATE SET name = excluded.name,"
                    + " updated_at = excluded.updated_at WHERE annotator.name <> excluded.name")) {
                upsert.setLong(1, projectId);
                upsert.setLong(2, userId);
                upsert.setString(3, name.strip());
                upsert.setString(4, Times.format(clock.instant()));
                upsert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Map<Long, String> names(long projectId) {
        return database.read(connection -> {
            Map<Long, String> names = new LinkedHashMap<>();
            Sql.each(connection, "SELECT id, name FROM annotator WHERE project_id = ? ORDER BY id",
                    row -> names.put(row.getLong("id"), row.getString("name")), projectId);
            return names;
        });
    }

    @Override
    public Map<Long, Long> authors(long projectId) {
        return database.read(connection -> {
            Map<Long, Long> authors = new HashMap<>();
            Sql.each(connection, "SELECT id, completed_by FROM annotation WHERE project_id = ? AND completed_by IS NOT NULL",
                    row -> authors.put(row.getLong("id"), row.getLong("completed_by")), projectId);
            return authors;
        });
    }
}
