package dev.flywheel.backend.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.exception.FlywayValidateException;

/**
 * Brings a database to the newest schema with Flyway: the versioned scripts of one vendor's folder under
 * {@code db/migration/}, each applied once in its own transaction and checked against its checksum on every open.
 *
 * <p>Both vendors' folders carry the same versions with the same meaning; only the column types differ.
 */
final class Migrations {

    /** SQLite's scripts. */
    static final String SQLITE = "db/migration/sqlite";
    /** PostgreSQL's scripts. */
    static final String POSTGRESQL = "db/migration/postgresql";
    /** Flyway's history table. */
    static final String HISTORY = "flyway_schema_history";
    /** The table Flywheel's own migrator kept before Flyway; a database that has it is taken over at its version. */
    private static final String LEGACY_HISTORY = "schema_version";

    private Migrations() {}

    /** Applies the missing migrations of {@code location} and returns how many ran; zero on an up-to-date database. */
    static int apply(DataSource dataSource, String location) {
        FluentConfiguration configuration = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:" + location)
                .table(HISTORY)
                .validateMigrationNaming(true);
        int legacy = legacyVersion(dataSource);
        if (legacy > 0) {
            // A home created before Flyway: its schema is already at `legacy`; the history starts there.
            configuration.baselineOnMigrate(true).baselineVersion(String.valueOf(legacy))
                    .baselineDescription("schema_version " + legacy);
        }
        try {
            return configuration.load().migrate().migrationsExecuted;
        } catch (FlywayValidateException e) {
            throw new StoreException("the database's schema history does not match the migrations of this build"
                    + " (a migration was edited after it was applied, or the database is newer): " + e.getMessage(), e);
        } catch (FlywayException e) {
            throw new StoreException("cannot migrate the database: " + e.getMessage(), e);
        }
    }

    /** The newest version the pre-Flyway migrator recorded, or 0 when there is no such record or Flyway took over. */
    private static int legacyVersion(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            if (!hasTable(connection, LEGACY_HISTORY) || hasTable(connection, HISTORY)) {
                return 0;
            }
            try (Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("SELECT MAX(version) FROM " + LEGACY_HISTORY)) {
                return row.next() ? row.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the database's schema history: " + e.getMessage(), e);
        }
    }

    private static boolean hasTable(Connection connection, String table) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, null, table, new String[] {"TABLE"})) {
            return tables.next();
        }
    }
}
