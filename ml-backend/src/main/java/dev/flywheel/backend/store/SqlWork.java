package dev.flywheel.backend.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done on a connection inside one transaction; the database commits or rolls back around it. */
@FunctionalInterface
interface SqlWork<T> {

    T run(Connection connection) throws SQLException;

    /** One transaction-control statement of a vendor's: its commit or its rollback. */
    @FunctionalInterface
    interface Step {

        void run() throws SQLException;
    }

    /**
     * Runs this work and then {@code commit}; when either fails, runs {@code rollback} and rethrows the failure. A
     * rollback that fails too is kept as suppressed: the first failure is the news. Both vendors frame work this way.
     */
    default T committed(Connection connection, Step commit, Step rollback) throws SQLException {
        try {
            T result = run(connection);
            commit.run();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                rollback.run();
            } catch (SQLException lost) {
                e.addSuppressed(lost);
            }
            throw e;
        }
    }
}
