package dev.flywheel.backend.store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * The {@link FlywheelStore} in one SQLite file: opened in WAL mode, migrated to the newest schema on open.
 *
 * <p>All writes go through one connection under a lock with {@code synchronous=FULL}; reads use a small pool of
 * their own connections and are never blocked by a running write.
 */
public final class SqliteStore extends JdbcStore {

    /** The database file's name inside {@code FLYWHEEL_HOME}. */
    public static final String FILE_NAME = "flywheel.db";

    private final SqliteDatabase sqlite;

    private SqliteStore(SqliteDatabase database, Clock clock) {
        super(database, clock);
        this.sqlite = database;
    }

    /** Opens (creating when absent) {@value #FILE_NAME} under Flywheel's home folder. */
    public static SqliteStore openInHome(Path flywheelHome, Clock clock) {
        return open(flywheelHome.resolve(FILE_NAME), clock);
    }

    /** Opens (creating when absent) the database file and applies any missing migration. */
    public static SqliteStore open(Path file, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        SqliteDatabase database = SqliteDatabase.open(file, SqliteDatabase.DEFAULT_READERS);
        try {
            Migrations.apply(database.dataSource(), Migrations.SQLITE);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return new SqliteStore(database, clock);
    }

    /** The database file. */
    public Path file() {
        return sqlite.file();
    }

    @Override
    SqliteDatabase database() {
        return sqlite;
    }
}
