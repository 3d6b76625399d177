package dev.flywheel.backend.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywheel.backend.os.HomeLock;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One process per {@code FLYWHEEL_HOME}, as separate JVMs: a second start on a home in use stops at once and names the
 * lock and its holder, while the first keeps serving; once the holder is killed with SIGKILL, the lock it left does
 * not block the next start.
 */
class OneProcessPerHomeTest {

    @TempDir
    Path home;
    @TempDir
    Path logs;

    @Test
    void aSecondStartOnAHomeInUseFailsNamingTheLockAndAKilledHoldersLockDoesNotBlock() throws Exception {
        try (ChildBackend first = ChildBackend.start(home, logs, Map.of())) {
            try (ChildBackend second = ChildBackend.launch(home, logs, Map.of())) {
                int exit = second.awaitExit(Duration.ofSeconds(60));

                assertThat(exit).as(second.output()).isEqualTo(2);
                assertThat(second.output()).contains(home.resolve(HomeLock.FILE).toString()).contains("pid " + first.pid())
                        .contains("FLYWHEEL_HOME");
            }
            assertThat(healthStatus(first)).as("the holder after the refused start").isEqualTo(200);

            first.killHard();
        }

        try (ChildBackend restarted = ChildBackend.start(home, logs, Map.of())) {
            assertThat(healthStatus(restarted)).isEqualTo(200);
        }
    }

    private static int healthStatus(ChildBackend child) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(child.uri().resolve("/health")).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
