package dev.flywheel.backend.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;

/** Null-aware column access, so repositories speak {@link Optional} and {@link Instant} instead of JDBC nulls. */
final class Rows {

    private Rows() {}

    static Optional<Long> optLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? Optional.empty() : Optional.of(value);
    }

    static Optional<Double> optDouble(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? Optional.empty() : Optional.of(value);
    }

    static Optional<String> optString(ResultSet row, String column) throws SQLException {
        return Optional.ofNullable(row.getString(column));
    }

    static Optional<Instant> optInstant(ResultSet row, String column) throws SQLException {
        return optString(row, column).map(Times::parse);
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        return Times.parse(row.getString(column));
    }

    static boolean flag(ResultSet row, String column) throws SQLException {
        return row.getInt(column) != 0;
    }

    static void setLong(PreparedStatement statement, int index, Optional<Long> value) throws SQLException {
        if (value.isPresent()) {
            statement.setLong(index, value.get());
        } else {
            statement.setNull(index, Types.INTEGER);
        }
    }

    static void setDouble(PreparedStatement statement, int index, Optional<Double> value) throws SQLException {
        if (value.isPresent()) {
            statement.setDouble(index, value.get());
        } else {
            statement.setNull(index, Types.REAL);
        }
    }

    static void setString(PreparedStatement statement, int index, Optional<String> value) throws SQLException {
        statement.setString(index, value.orElse(null));
    }

    static void setInstant(PreparedStatement statement, int index, Optional<Instant> value) throws SQLException {
        statement.setString(index, value.map(Times::format).orElse(null));
    }
}
