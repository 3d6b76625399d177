package dev.flywheel.backend.store;

import dev.flywheel.backend.config.DatabaseConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trainer lease as a PostgreSQL session-level advisory lock on a connection of its own (not the pool's, which
 * recycles connections): the server frees the lock the moment that session ends, so a replica killed with SIGKILL
 * hands the lease on without any expiry to wait out.
 */
final class PostgresTrainerLease implements TrainerLease {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresTrainerLease.class);
    /** The advisory lock of the trainer ('FlywTrai'); a different key from the write lock's. */
    static final long KEY = 0x466C_7977_5472_6169L;
    private static final int VALID_SECONDS = 2;

    private final DatabaseConfig config;
    private Connection connection;
    private volatile boolean held;

    PostgresTrainerLease(DatabaseConfig config) {
        this.config = config;
    }

    /** Takes the lease when free; when held, checks that its connection still lives (one round trip). */
    @Override
    public synchronized boolean tryAcquire() {
        try {
            if (held && connection.isValid(VALID_SECONDS)) {
                return true;
            }
            if (held) {
                LOG.warn("lost the trainer lease: its connection to PostgreSQL is gone; another replica may train now");
            }
            if (connection == null || !connection.isValid(VALID_SECONDS)) {
                drop();
                connection = DriverManager.getConnection(config.url(), properties());
            }
            boolean taken;
            try (Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("SELECT pg_try_advisory_lock(" + KEY + ")")) {
                taken = row.next() && row.getBoolean(1);
            }
            held = taken;
            return taken;
        } catch (SQLException e) {
            LOG.warn("cannot reach PostgreSQL for the trainer lease: {}", e.getMessage());
            drop();
            return false;
        }
    }

    /** What the last {@link #tryAcquire()} found; asking costs nothing, so the webhook path may ask. */
    @Override
    public boolean held() {
        return held;
    }

    private Properties properties() {
        Properties properties = new Properties();
        config.user().ifPresent(user -> properties.setProperty("user", user));
        config.password().ifPresent(password -> properties.setProperty("password", password.reveal()));
        properties.setProperty("ApplicationName", "flywheel-trainer-lease");
        properties.setProperty("tcpKeepAlive", "true");
        return properties;
    }

    private void drop() {
        held = false;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // Closing a dead connection; the server frees the lock with the session either way.
            }
            connection = null;
        }
    }

    @Override
    public synchronized void close() {
        drop();
    }
}
