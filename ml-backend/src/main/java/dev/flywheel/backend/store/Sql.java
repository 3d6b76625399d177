package dev.flywheel.backend.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** One-line helpers for single-number queries. */
final class Sql {

    private Sql() {}

    /** Runs a query whose first column of its first row is a number, binding {@code longs} in order. */
    static long count(Connection connection, String sql, long... longs) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < longs.length; i++) {
                select.setLong(i + 1, longs[i]);
            }
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }
}
