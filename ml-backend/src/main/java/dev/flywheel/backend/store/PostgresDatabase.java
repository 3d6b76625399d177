package dev.flywheel.backend.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.flywheel.backend.config.DatabaseConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A PostgreSQL server through a HikariCP pool. Writes take a transaction-scoped advisory lock first, so the writes of
 * every replica are serialised as SQLite's are: a change sequence is taken and committed in the same order, and two
 * replicas storing the same annotation at once store it once.
 */
final class PostgresDatabase implements Database {

    /** The advisory lock every write transaction holds until it commits ('Flyw' 'rite'). */
    static final long WRITE_LOCK = 0x466C_7977_7269_7465L;

    private final HikariDataSource pool;

    private PostgresDatabase(HikariDataSource pool) {
        this.pool = pool;
    }

    /** Opens the pool; fails at once, without the password in the message, when the server cannot be reached. */
    static PostgresDatabase open(DatabaseConfig settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("flywheel-store");
        config.setJdbcUrl(settings.url());
        settings.user().ifPresent(config::setUsername);
        settings.password().ifPresent(password -> config.setPassword(password.reveal()));
        config.setMaximumPoolSize(settings.poolSize());
        config.setAutoCommit(false);
        config.setConnectionTimeout(10_000);
        try {
            return new PostgresDatabase(new HikariDataSource(config));
        } catch (RuntimeException e) {
            throw new StoreException("cannot connect to PostgreSQL at " + settings.url() + ": " + rootMessage(e), e);
        }
    }

    DataSource dataSource() {
        return pool;
    }

    @Override
    public <T> T write(SqlWork<T> work) {
        return inTransaction(connection -> {
            try (Statement lock = connection.createStatement()) {
                lock.execute("SELECT pg_advisory_xact_lock(" + WRITE_LOCK + ")");
            }
            return work.run(connection);
        });
    }

    @Override
    public <T> T read(SqlWork<T> work) {
        return inTransaction(connection -> {
            try (Statement snapshot = connection.createStatement()) {
                snapshot.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
            return work.run(connection);
        });
    }

    private <T> T inTransaction(SqlWork<T> work) {
        try (Connection connection = pool.getConnection()) {
            return work.committed(connection, connection::commit, connection::rollback);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    private static StoreException translate(SQLException e) {
        String state = String.valueOf(e.getSQLState());
        if (state.equals("53100")) {
            return new StorageFullException("the disk holding the database is full; nothing was stored", e);
        }
        if (state.equals("23503")) {
            return new UnknownEntityException("the write refers to a project or model version that is not stored");
        }
        return new StoreException("database error: " + e.getMessage(), e);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    @Override
    public void close() {
        pool.close();
    }
}
