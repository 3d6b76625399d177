package dev.flywheel.backend.store;

import static dev.flywheel.backend.store.StoreFixtures.CLOCK;
import static dev.flywheel.backend.store.StoreFixtures.PROJECT;
import static dev.flywheel.backend.store.StoreFixtures.annotation;
import static dev.flywheel.backend.store.StoreFixtures.openWithProject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {

    @TempDir
    Path home;

    @Test
    void aNewDatabaseIsAWalFileAtTheNewestSchemaVersion() throws SQLException {
        try (SqliteStore store = SqliteStore.openInHome(home, CLOCK)) {
            assertThat(store.file()).isEqualTo(home.resolve("flywheel.db")).isRegularFile();
        }
        assertThat(query("PRAGMA journal_mode")).containsExactly("wal");
        assertThat(query("SELECT version || ':' || description FROM schema_version")).containsExactly("1:init", "2:served_samples", "3:prelabel_jobs");
        assertThat(query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"))
                .contains("annotation", "label_config_revision", "prediction", "project", "served_sample", "task", "training_run");
    }

    @Test
    void reopeningAnExistingDatabaseKeepsItsDataAndRerunningMigrationsChangesNothing() throws SQLException {
        try (SqliteStore store = openWithProject(home.resolve("flywheel.db"))) {
            store.annotations().save(annotation(1, 10, "cat"));
        }
        List<String> schemaBefore = query("SELECT sql FROM sqlite_master ORDER BY name");
        List<String> versionsBefore = query("SELECT version || checksum || applied_at FROM schema_version");

        try (SqliteStore store = SqliteStore.openInHome(home, CLOCK)) {
            int appliedAgain = new Migrations(Migrations.SCRIPTS, CLOCK).apply(store.database());

            assertThat(appliedAgain).isZero();
            assertThat(store.annotations().find(PROJECT, 1)).isPresent();
            assertThat(store.projects().find(PROJECT)).isPresent();
        }
        assertThat(query("SELECT sql FROM sqlite_master ORDER BY name")).isEqualTo(schemaBefore);
        assertThat(query("SELECT version || checksum || applied_at FROM schema_version")).isEqualTo(versionsBefore);
    }

    @Test
    void aMigrationEditedAfterItWasAppliedStopsTheStoreFromOpening() throws SQLException {
        SqliteStore.openInHome(home, CLOCK).close();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("flywheel.db"));
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE schema_version SET checksum = 'edited' WHERE version = 1");
        }

        assertThatThrownBy(() -> SqliteStore.openInHome(home, CLOCK))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("V1 was edited");
    }

    @Test
    void migrationScriptsSplitIntoStatementsWithoutTheirComments() {
        List<String> statements = Migrations.statements("-- a comment; with a semicolon\nCREATE TABLE a (x INT);\n\n"
                + "CREATE INDEX a_x ON a (x);\n");

        assertThat(statements).containsExactly("CREATE TABLE a (x INT)", "CREATE INDEX a_x ON a (x)");
    }

    private List<String> query(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("flywheel.db"));
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
