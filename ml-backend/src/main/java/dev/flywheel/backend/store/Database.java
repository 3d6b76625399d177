package dev.flywheel.backend.store;

import java.util.Collection;

/**
 * Where the repositories run their SQL: writes one at a time, each committed durably before it returns, and reads
 * each in one consistent snapshot that a running write never blocks.
 */
interface Database extends AutoCloseable {

    /** Runs work in one write transaction; committed when this returns, rolled back when it throws. */
    <T> T write(SqlWork<T> work);

    /** Runs work in one read-only transaction, so every query in it sees the same snapshot. */
    <T> T read(SqlWork<T> work);

    /** Writes {@code items} in one transaction as one batch of {@code sql}, each bound by {@code binder}; none, no transaction. */
    default <T> void writeBatch(String sql, Collection<T> items, Sql.Binder<T> binder) {
        if (!items.isEmpty()) {
            write(connection -> Sql.batch(connection, sql, items, binder));
        }
    }

    @Override
    void close();
}
