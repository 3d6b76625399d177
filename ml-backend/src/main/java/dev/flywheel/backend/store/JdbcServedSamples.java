package dev.flywheel.backend.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** {@link ServedSampleStore}: embeddings as float32 blobs, pruned to the bound on every write. */
record JdbcServedSamples(Database database, int maxPerProject) implements ServedSampleStore {

    JdbcServedSamples {
        if (maxPerProject < 1) {
            throw new IllegalArgumentException("the bound must be positive");
        }
    }

    @Override
    public void recordAll(List<ServedSample> samples) {
        if (samples.isEmpty()) {
            return;
        }
        database.write(connection -> {
            Sql.batch(connection, "INSERT INTO served_sample (project_id, model_version, served_at, embedding, brightness,"
                    + " contrast, width, height, aspect_ratio, task_id, image_ref) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    samples, (insert, s) -> {
                        insert.setLong(1, s.projectId());
                        insert.setString(2, s.modelVersion());
                        insert.setString(3, Times.format(s.servedAt()));
                        insert.setBytes(4, bytes(s.embedding()));
                        insert.setDouble(5, s.brightness());
                        insert.setDouble(6, s.contrast());
                        insert.setDouble(7, s.width());
                        insert.setDouble(8, s.height());
                        insert.setDouble(9, s.aspectRatio());
                        Rows.setLong(insert, 10, s.taskId());
                        insert.setString(11, s.imageRef().orElse(null));
                    });
            TreeSet<Long> projects = new TreeSet<>();
            samples.forEach(s -> projects.add(s.projectId()));
            try (PreparedStatement prune = connection.prepareStatement("DELETE FROM served_sample WHERE project_id = ? AND id <= (SELECT id"
                    + " FROM served_sample WHERE project_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?)")) {
                for (long project : projects) {
                    prune.setLong(1, project);
                    prune.setLong(2, project);
                    prune.setInt(3, maxPerProject);
                    prune.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public List<ServedSample> recent(long projectId, String modelVersion, int limit) {
        return database.read(connection -> {
            List<ServedSample> newestFirst = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT project_id, model_version, served_at, embedding, brightness,"
                    + " contrast, width, height, aspect_ratio, task_id, image_ref FROM served_sample WHERE project_id = ? AND model_version = ?"
                    + " ORDER BY id DESC LIMIT ?")) {
                select.setLong(1, projectId);
                select.setString(2, modelVersion);
                select.setInt(3, limit);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        newestFirst.add(sample(row));
                    }
                }
            }
            Collections.reverse(newestFirst);
            return newestFirst;
        });
    }

    @Override
    public Optional<ServedWindow> window(long projectId, String modelVersion) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) AS samples, MIN(served_at) AS first,"
                    + " MAX(served_at) AS last FROM served_sample WHERE project_id = ? AND model_version = ?")) {
                select.setLong(1, projectId);
                select.setString(2, modelVersion);
                try (ResultSet row = select.executeQuery()) {
                    long samples = row.next() ? row.getLong("samples") : 0;
                    return samples == 0 ? Optional.<ServedWindow>empty()
                            : Optional.of(new ServedWindow(samples, Rows.instant(row, "first"), Rows.instant(row, "last")));
                }
            }
        });
    }

    private static ServedSample sample(ResultSet row) throws SQLException {
        return new ServedSample(row.getLong("project_id"), row.getString("model_version"), Rows.instant(row, "served_at"),
                floats(row.getBytes("embedding")), row.getDouble("brightness"), row.getDouble("contrast"), row.getDouble("width"),
                row.getDouble("height"), row.getDouble("aspect_ratio"), Rows.optLong(row, "task_id"),
                Optional.ofNullable(row.getString("image_ref")));
    }

    private static byte[] bytes(float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        return buffer.array();
    }

    private static float[] floats(byte[] bytes) {
        float[] values = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }
}
