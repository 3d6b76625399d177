package dev.flywheel.backend.it;

import static dev.flywheel.backend.it.PrelabelJobs.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pre-label jobs in separate JVMs: killed with SIGKILL in the middle, the restarted backend goes on with the job and no
 * task gets a second prediction; and the command line runs a 5,000-task job to the end in a small heap.
 */
class PrelabelJobKillTest {

    /** Small images and few passes: a first version in seconds, as in {@code HardKillTest}. */
    private static final Map<String, String> FAST_TRAINING = Map.of(
            "FLYWHEEL_TRAINING_INPUT_SIZE", "32", "FLYWHEEL_TRAINING_IMAGE_BUDGET", "600");
    private static final int LABELLED = 12;

    @TempDir
    Path home;

    @TempDir
    Path logs;

    @Test
    void aJobKilledMidwayGoesOnAfterTheRestartAndNoTaskIsPredictedTwice() throws Exception {
        int tasks = 700;
        try (FakeLabelStudioApi labelStudio = new FakeLabelStudioApi()) {
            PrelabelJobs.shapeTasks(labelStudio, tasks, new Random(21));
            String job;
            String version;
            long doneAtKill;
            try (ChildBackend child = ChildBackend.start(home, logs, env(labelStudio))) {
                version = PrelabelJobs.trainedVersion(child.uri(), labelStudio, LABELLED);
                PrelabelJobs jobs = new PrelabelJobs(child.uri());
                job = jobs.start("{}");
                doneAtKill = jobs.await(job, s -> s.path("done").asLong() >= 64, Duration.ofSeconds(120)).path("done").asLong();
                child.killHard();
            }
            int createdAtKill = labelStudio.created().size();
            assertThat(createdAtKill).as("killed in the middle").isBetween((int) doneAtKill, tasks - LABELLED - 1);

            try (ChildBackend restarted = ChildBackend.start(home, logs, env(labelStudio))) {
                JsonNode done = new PrelabelJobs(restarted.uri()).await(job, PrelabelJobs.finished(), Duration.ofSeconds(240));
                assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("done");
                // A batch written just before the kill but not yet recorded is found predicted and skipped, not redone.
                assertThat(done.path("done").asLong() + done.path("skipped").asLong()).isEqualTo(tasks);
                assertThat(done.path("failed").asLong()).isZero();
            }
            assertThat(labelStudio.created()).as("one prediction per unlabelled task, none twice").hasSize(tasks - LABELLED);
            for (long task = 1000 + LABELLED; task < 1000 + tasks; task++) {
                assertThat(labelStudio.predictionsOf(PROJECT, task)).as("task %d", task).hasSize(1);
                assertThat(labelStudio.predictionsOf(PROJECT, task).get(0).path("model_version").asText()).isEqualTo(version);
            }
            assertThat(labelStudio.violations()).isEmpty();
        }
    }

    @Test
    void theCommandLineRunsAFiveThousandTaskJobToTheEndInASmallHeap() throws Exception {
        int tasks = 5_000;
        try (FakeLabelStudioApi labelStudio = new FakeLabelStudioApi()) {
            PrelabelJobs.shapeTasks(labelStudio, tasks, new Random(22));
            String version;
            try (ChildBackend child = ChildBackend.start(home, logs, env(labelStudio))) {
                version = PrelabelJobs.trainedVersion(child.uri(), labelStudio, LABELLED);
            }

            Path log = logs.resolve("prelabel-cli.log");
            Process cli = command(env(labelStudio), log, "-Xmx96m", "prelabel", "--project", Long.toString(PROJECT));
            assertThat(cli.waitFor(20, TimeUnit.MINUTES)).as("the job ends").isTrue();
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(cli.exitValue()).as(output).isZero();
            assertThat(output).doesNotContain("OutOfMemoryError").doesNotContain(FakeLabelStudioApi.TOKEN).contains("\"status\":\"done\"");
            assertThat(labelStudio.created()).hasSize(tasks - LABELLED);
            assertThat(labelStudio.created()).allSatisfy(p -> assertThat(p.path("model_version").asText()).isEqualTo(version));
            assertThat(labelStudio.violations()).isEmpty();
        }
    }

    /** {@code Main} with {@code args} in a child JVM with the given heap, its output in {@code log}. */
    private Process command(Map<String, String> env, Path log, String heap, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", heap, "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                "dev.flywheel.backend.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("LABEL_STUDIO_") || key.startsWith("BASIC_AUTH"));
        builder.environment().put("FLYWHEEL_HOME", home.toString());
        builder.environment().put("DJL_OFFLINE", "true");
        builder.environment().put("OPT_OUT_TRACKING", "true");
        builder.environment().putAll(env);
        return builder.start();
    }

    private static Map<String, String> env(FakeLabelStudioApi labelStudio) {
        Map<String, String> env = new HashMap<>(PrelabelJobTest.env(labelStudio));
        env.putAll(FAST_TRAINING);
        return env;
    }
}
