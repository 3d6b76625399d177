package dev.flywheel.backend.store;

import dev.flywheel.backend.config.DatabaseConfig;
import java.time.Clock;
import java.util.Objects;

/**
 * The {@link FlywheelStore} on a PostgreSQL server that several Flywheel processes share: a connection pool, the
 * schema migrated on open (Flyway's own lock keeps two replicas starting together from migrating twice), and writes
 * serialised across processes by an advisory lock.
 */
public final class PostgresStore extends JdbcStore {

    private final PostgresDatabase postgres;

    private PostgresStore(PostgresDatabase database, Clock clock) {
        super(database, clock);
        this.postgres = database;
    }

    /** Connects, applies any missing migration and returns the store; fails fast when the server is unreachable. */
    public static PostgresStore open(DatabaseConfig config, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        PostgresDatabase database = PostgresDatabase.open(config);
        try {
            Migrations.apply(database.dataSource(), Migrations.POSTGRESQL);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return new PostgresStore(database, clock);
    }

    @Override
    PostgresDatabase database() {
        return postgres;
    }
}
