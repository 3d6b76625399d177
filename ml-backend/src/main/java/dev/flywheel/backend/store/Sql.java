package dev.flywheel.backend.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The statement plumbing every repository shares: bind parameters in order, read rows through a {@link RowReader},
 * close what was opened. What a query means stays in its repository; how it runs is written once, here.
 */
final class Sql {

    private Sql() {}

    /** Turns the current row of a result set into a value. */
    @FunctionalInterface
    interface RowReader<T> {

        T read(ResultSet row) throws SQLException;
    }

    /** Takes in the current row of a result set, for queries that fold their rows into something else than a list. */
    @FunctionalInterface
    interface RowConsumer {

        void accept(ResultSet row) throws SQLException;
    }

    /** Sets the parameters of one item on a batched statement. */
    @FunctionalInterface
    interface Binder<T> {

        void bind(PreparedStatement statement, T item) throws SQLException;
    }

    /** Runs a query whose first column of its first row is a number, binding {@code params} in order; 0 without a row. */
    static long count(Connection connection, String sql, Object... params) throws SQLException {
        return first(connection, sql, row -> row.getLong(1), params).orElse(0L);
    }

    /** Every row of the query, read in order. */
    static <T> List<T> list(Connection connection, String sql, RowReader<T> reader, Object... params) throws SQLException {
        List<T> rows = new ArrayList<>();
        each(connection, sql, row -> rows.add(reader.read(row)), params);
        return rows;
    }

    /** The first row of the query, read, or empty when it has none. */
    static <T> Optional<T> first(Connection connection, String sql, RowReader<T> reader, Object... params) throws SQLException {
        try (PreparedStatement select = bound(connection, sql, params); ResultSet row = select.executeQuery()) {
            return row.next() ? Optional.of(reader.read(row)) : Optional.empty();
        }
    }

    /** Hands every row of the query to {@code consumer}, in order. */
    static void each(Connection connection, String sql, RowConsumer consumer, Object... params) throws SQLException {
        try (PreparedStatement select = bound(connection, sql, params); ResultSet row = select.executeQuery()) {
            while (row.next()) {
                consumer.accept(row);
            }
        }
    }

    /** Runs an insert, update or delete and answers how many rows it changed. */
    static int update(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement update = bound(connection, sql, params)) {
            return update.executeUpdate();
        }
    }

    /** Runs one statement once per item, with the parameters {@code params} gives it, and answers the rows changed in all. */
    static <T> int updateEach(Connection connection, String sql, Collection<T> items, Function<T, List<?>> params)
            throws SQLException {
        int changed = 0;
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            for (T item : items) {
                bind(update, params.apply(item).toArray());
                changed += update.executeUpdate();
            }
        }
        return changed;
    }

    /** Runs one statement as a single batch, one entry per item bound by {@code binder}; answers the entries run. */
    static <T> int batch(Connection connection, String sql, Collection<T> items, Binder<T> binder) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (T item : items) {
                binder.bind(statement, item);
                statement.addBatch();
            }
            return statement.executeBatch().length;
        }
    }

    private static PreparedStatement bound(Connection connection, String sql, Object... params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            bind(statement, params);
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    /** Binds in order; an empty {@link Optional} binds as SQL NULL, a present one as its value. */
    private static void bind(PreparedStatement statement, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object value = params[i] instanceof Optional<?> optional ? optional.orElse(null) : params[i];
            statement.setObject(i + 1, value);
        }
    }
}
