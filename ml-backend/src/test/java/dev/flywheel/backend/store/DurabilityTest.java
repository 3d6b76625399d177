package dev.flywheel.backend.store;

import dev.flywheel.model.api.ModelStatus;
import static dev.flywheel.backend.store.StoreFixtures.CLOCK;
import static dev.flywheel.backend.store.StoreFixtures.CREATED;
import static dev.flywheel.backend.store.StoreFixtures.PROJECT;
import static dev.flywheel.backend.store.StoreFixtures.annotation;
import static dev.flywheel.backend.store.StoreFixtures.openWithProject;
import static dev.flywheel.backend.store.StoreFixtures.task;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurabilityTest {

    @TempDir
    Path home;

    @Test
    void everythingSurvivesCloseAndReopen() {
        Path file = home.resolve("flywheel.db");
        ServedPrediction prediction = new ServedPrediction(PROJECT, 1, "v1", List.of("cat"), "[]", Optional.of(0.8),
                Optional.of("{\"cat\":0.8,\"dog\":0.2}"), CREATED);
        try (SqliteStore store = openWithProject(file)) {
            store.tasks().saveAll(List.of(task(1)));
            store.annotations().save(annotation(1, 1, "cat"));
            store.predictions().record(prediction);
            store.runs().queue(PROJECT, "v1", Optional.empty());
        }

        try (SqliteStore reopened = SqliteStore.open(file, CLOCK)) {
            assertThat(reopened.projects().find(PROJECT).orElseThrow().labels()).containsExactly("cat", "dog");
            assertThat(reopened.tasks().find(PROJECT, 1)).contains(task(1));
            assertThat(reopened.annotations().find(PROJECT, 1).orElseThrow().annotation())
                    .isEqualTo(annotation(1, 1, "cat"));
            assertThat(reopened.predictions().latest(PROJECT, 1)).contains(prediction);
            assertThat(reopened.runs().find(PROJECT, "v1").orElseThrow().status()).isEqualTo(ModelStatus.QUEUED);
        }
    }

    @Test
    void aSavedAnnotationIsCommittedWhenSaveReturns() throws SQLException {
        try (SqliteStore store = openWithProject(home.resolve("flywheel.db"))) {
            store.annotations().save(annotation(5, 1, "cat"));

            // Another connection, as another process would open it, sees the row while the store is still open.
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + store.file());
                    Statement statement = other.createStatement();
                    ResultSet row = statement.executeQuery("SELECT labels_json FROM annotation WHERE id = 5")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo("[\"cat\"]");
            }
            String journal = store.database().read(connection -> pragma(connection, "journal_mode"));
            String synchronous = store.database().write(connection -> pragma(connection, "synchronous"));
            assertThat(journal).isEqualTo("wal");
            assertThat(synchronous).as("2 is FULL").isEqualTo("2");
        }
    }

    @Test
    void anAcknowledgedAnnotationSurvivesTheProcessDyingWithoutClose() throws IOException, InterruptedException {
        Path file = home.resolve("flywheel.db");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "--enable-native-access=ALL-UNNAMED", CrashingWriter.class.getName(), file.toString(), "77")
                .redirectErrorStream(true)
                .start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(child.exitValue()).as(output).isEqualTo(137);
        assertThat(output).contains("acknowledged");
        try (SqliteStore afterCrash = SqliteStore.open(file, CLOCK)) {
            assertThat(afterCrash.annotations().find(PROJECT, 77).orElseThrow().annotation().labels())
                    .containsExactly("dog");
        }
    }

    private static String pragma(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("PRAGMA " + name)) {
            row.next();
            return row.getString(1);
        }
    }
}
