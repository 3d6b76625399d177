package dev.flywheel.backend.store;

/**
 * Where the repositories run their SQL: writes one at a time, each committed durably before it returns, and reads
 * each in one consistent snapshot that a running write never blocks.
 */
interface Database extends AutoCloseable {

    /** Runs work in one write transaction; committed when this returns, rolled back when it throws. */
    <T> T write(SqlWork<T> work);

    /** Runs work in one read-only transaction, so every query in it sees the same snapshot. */
    <T> T read(SqlWork<T> work);

    @Override
    void close();
}
