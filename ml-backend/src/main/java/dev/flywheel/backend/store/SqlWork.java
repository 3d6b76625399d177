package dev.flywheel.backend.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done on a connection inside one transaction; the database commits or rolls back around it. */
@FunctionalInterface
interface SqlWork<T> {

    T run(Connection connection) throws SQLException;
}
