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
    private final DatabaseConfig config;

    private PostgresStore(PostgresDatabase database, DatabaseConfig config, Clock clock) {
        super(database, clock);
        this.postgres = database;
        this.config = config;
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
        return new PostgresStore(database, config, clock);
    }

    /** A new trainer lease on a connection of its own; not yet acquired. The caller closes it. */
    public TrainerLease trainerLease() {
        return new PostgresTrainerLease(config);
    }

    @Override
    PostgresDatabase database() {
        return postgres;
    }
}
