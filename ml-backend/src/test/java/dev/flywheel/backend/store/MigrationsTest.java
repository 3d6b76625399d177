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
        assertThat(query("SELECT version || ':' || description || ':' || success FROM flyway_schema_history"
                + " ORDER BY installed_rank")).containsExactly("1:init:1", "2:served samples:1", "3:prelabel jobs:1",
                        "4:drift tasks and annotator names:1");
        assertThat(query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"))
                .contains("annotation", "annotator", "label_config_revision", "prediction", "project", "served_sample", "task", "training_run");
    }

    @Test
    void reopeningAnExistingDatabaseKeepsItsDataAndRerunningMigrationsChangesNothing() throws SQLException {
        try (SqliteStore store = openWithProject(home.resolve("flywheel.db"))) {
            store.annotations().save(annotation(1, 10, "cat"));
        }
        List<String> schemaBefore = query("SELECT sql FROM sqlite_master ORDER BY name");
        List<String> versionsBefore = query("SELECT version || checksum || installed_on FROM flyway_schema_history");

        try (SqliteStore store = SqliteStore.openInHome(home, CLOCK)) {
            int appliedAgain = Migrations.apply(store.database().dataSource(), Migrations.SQLITE);

            assertThat(appliedAgain).isZero();
            assertThat(store.annotations().find(PROJECT, 1)).isPresent();
            assertThat(store.projects().find(PROJECT)).isPresent();
        }
        assertThat(query("SELECT sql FROM sqlite_master ORDER BY name")).isEqualTo(schemaBefore);
        assertThat(query("SELECT version || checksum || installed_on FROM flyway_schema_history")).isEqualTo(versionsBefore);
    }

    @Test
    void aMigrationEditedAfterItWasAppliedStopsTheStoreFromOpening() throws SQLException {
        SqliteStore.openInHome(home, CLOCK).close();
        execute("UPDATE flyway_schema_history SET checksum = 12345 WHERE version = '1'");

        assertThatThrownBy(() -> SqliteStore.openInHome(home, CLOCK))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("a migration was edited after it was applied");
    }

    @Test
    void aHomeFromBeforeFlywayIsTakenOverAtItsVersionWithItsData() throws SQLException {
        try (SqliteStore store = openWithProject(home.resolve("flywheel.db"))) {
            store.annotations().save(annotation(1, 10, "cat"));
        }
        // What the hand-rolled migrator left: its own history table, no Flyway history.
        execute("DROP TABLE flyway_schema_history");
        // The hand-rolled migrator stopped at version 2: the pre-label job tables came with Flyway.
        execute("DROP TABLE prelabel_job_task");
        execute("DROP TABLE prelabel_job");
        execute("DROP TABLE annotator");
        execute("ALTER TABLE served_sample DROP COLUMN task_id");
        execute("ALTER TABLE served_sample DROP COLUMN image_ref");
        execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL,"
                + " checksum TEXT NOT NULL, applied_at TEXT NOT NULL)");
        execute("INSERT INTO schema_version VALUES (1, 'init', 'a', 'then'), (2, 'served_samples', 'b', 'then')");

        try (SqliteStore store = SqliteStore.openInHome(home, CLOCK)) {
            assertThat(store.annotations().find(PROJECT, 1)).isPresent();
        }
        assertThat(query("SELECT version || ':' || type FROM flyway_schema_history ORDER BY installed_rank"))
                .containsExactly("2:BASELINE", "3:SQL", "4:SQL");
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("flywheel.db"));
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
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
