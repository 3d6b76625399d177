package dev.flywheel.backend.it;

import static dev.flywheel.backend.it.PrelabelJobs.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pre-labelling a whole project through the real server: a version trained through webhooks, a job started through the
 * API, every unlabelled task of Label Studio's project pre-labelled once with the version and a score, through
 * requests Label Studio accepts.
 */
class PrelabelJobTest {

    private static final int TASKS = 230;
    private static final int LABELLED = 12;
    private static final int WRITTEN_BEFORE_A_KILL = 5;

    @TempDir
    Path home;

    @Test
    void aJobPreLabelsEveryUnlabelledTaskOnceWithTheVersionAndAScoreAndASecondJobFindsNothingToDo() throws Exception {
        try (FakeLabelStudioApi labelStudio = new FakeLabelStudioApi()) {
            PrelabelJobs.shapeTasks(labelStudio, TASKS, new Random(3));
            long broken = labelStudio.imageTask(PROJECT, 5000, "not a png".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            try (RunningBackend backend = RunningBackend.start(home, env(labelStudio))) {
                String version = PrelabelJobs.trainedVersion(backend.uri(), labelStudio, LABELLED);
                PrelabelJobs jobs = new PrelabelJobs(backend.uri());

                // As a batch imported just before a kill, before the job recorded it: Label Studio lists these as predicted.
                for (long task = 1100; task < 1100 + WRITTEN_BEFORE_A_KILL; task++) {
                    labelStudio.markPredicted(PROJECT, task, version);
                }

                String job = jobs.start("{}");
                JsonNode done = jobs.await(job, PrelabelJobs.finished(), Duration.ofSeconds(120));

                assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("done");
                assertThat(done.path("version").asText()).isEqualTo(version);
                assertThat(done.path("total").asLong()).isEqualTo(TASKS + 1);
                assertThat(done.path("done").asLong()).isEqualTo(TASKS - LABELLED - WRITTEN_BEFORE_A_KILL);
                assertThat(done.path("skipped").asLong()).as("the labelled and the already predicted")
                        .isEqualTo(LABELLED + WRITTEN_BEFORE_A_KILL);
                assertThat(done.path("failed").asLong()).as("the broken image, alone").isEqualTo(1);
                assertThat(done.path("images_per_s").asDouble()).isPositive();
                assertThat(labelStudio.violations()).as("requests Label Studio would refuse").isEmpty();
                assertThat(labelStudio.maxApiRequestsInFlight()).isLessThanOrEqualTo(2);
                for (long task = 1000; task < 1000 + TASKS; task++) {
                    JsonNode predictions = labelStudio.predictionsOf(PROJECT, task);
                    if (task < 1000 + LABELLED) {
                        assertThat(predictions).as("labelled task %d", task).isEmpty();
                        continue;
                    }
                    assertThat(predictions).as("task %d, once", task).hasSize(1);
                    if (task >= 1100 && task < 1100 + WRITTEN_BEFORE_A_KILL) {
                        assertThat(predictions.get(0).path("result")).as("the earlier prediction, not a second one").isEmpty();
                        continue;
                    }
                    assertThat(predictions.get(0).path("model_version").asText()).isEqualTo(version);
                    assertThat(predictions.get(0).path("score").asDouble()).isBetween(0.0, 1.0);
                    assertThat(predictions.get(0).path("result").get(0).path("value").path("choices").get(0).asText()).isIn(ShapeScenes.LABELS);
                }
                assertThat(labelStudio.predictionsOf(PROJECT, broken)).isEmpty();

                String again = jobs.start("{\"only_unlabeled\": false}");
                JsonNode second = jobs.await(again, PrelabelJobs.finished(), Duration.ofSeconds(60));
                assertThat(second.path("status").asText()).isEqualTo("done");
                // Labelled tasks are predicted now; those the first job did are skipped as already predicted by the version.
                assertThat(second.path("done").asLong()).isEqualTo(LABELLED);
                assertThat(second.path("skipped").asLong()).isEqualTo(TASKS - LABELLED);
                assertThat(labelStudio.created()).hasSize(TASKS - WRITTEN_BEFORE_A_KILL);
                assertThat(labelStudio.violations()).isEmpty();
            }
        }
    }

    @Test
    void withLabelStudioDownTheJobWaitsAndSaysSoThenGoesOnAndACancelEndsAWaitingJob() throws Exception {
        try (FakeLabelStudioApi labelStudio = new FakeLabelStudioApi()) {
            PrelabelJobs.shapeTasks(labelStudio, 40, new Random(4));
            try (RunningBackend backend = RunningBackend.start(home, env(labelStudio))) {
                String version = PrelabelJobs.trainedVersion(backend.uri(), labelStudio, LABELLED);
                PrelabelJobs jobs = new PrelabelJobs(backend.uri());

                labelStudio.down(true);
                String job = jobs.start("{\"version\": \"" + version + "\"}");
                JsonNode waiting = jobs.await(job, s -> s.path("error").asText().contains("waiting for Label Studio"), Duration.ofSeconds(30));
                assertThat(waiting.path("status").asText()).isEqualTo("running");
                assertThat(waiting.path("error").asText()).contains("502").doesNotContain(FakeLabelStudioApi.TOKEN);
                int refused = labelStudio.refusedWhileDown();
                Thread.sleep(600);
                assertThat(labelStudio.refusedWhileDown() - refused).as("retries back off, they do not hammer").isLessThan(8);

                labelStudio.down(false);
                JsonNode done = jobs.await(job, PrelabelJobs.finished(), Duration.ofSeconds(60));
                assertThat(done.path("status").asText()).isEqualTo("done");
                assertThat(done.has("error")).as(done.toString()).isFalse();
                assertThat(done.path("done").asLong()).isEqualTo(40 - LABELLED);

                labelStudio.down(true);
                String cancelled = jobs.start("{\"only_unlabeled\": false}");
                jobs.await(cancelled, s -> s.path("error").asText().contains("waiting for Label Studio"), Duration.ofSeconds(30));
                jobs.cancel(cancelled);
                JsonNode ended = jobs.await(cancelled, PrelabelJobs.finished(), Duration.ofSeconds(10));
                assertThat(ended.path("status").asText()).isEqualTo("cancelled");
                assertThat(labelStudio.violations()).isEmpty();
            }
        }
    }

    @Test
    void anUnknownVersionIs404AndAProjectWithoutAModelIs409() throws Exception {
        try (FakeLabelStudioApi labelStudio = new FakeLabelStudioApi();
                RunningBackend backend = RunningBackend.start(home, env(labelStudio))) {
            PrelabelJobs jobs = new PrelabelJobs(backend.uri());
            String path = "/api/v1/projects/" + PROJECT + "/prelabel-jobs";

            assertThat(jobs.send("POST", path, "{}").statusCode()).isEqualTo(409);
            var unknown = jobs.send("POST", path, "{\"version\": \"v-none\"}");
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.body()).contains("\"error\"");
            assertThat(jobs.send("POST", path, "{\"only_unlabeled\": \"yes\"}").statusCode()).isEqualTo(400);
            assertThat(jobs.send("GET", path + "/pl-000000000000", null).statusCode()).isEqualTo(404);
        }
    }

    static Map<String, String> env(FakeLabelStudioApi labelStudio) {
        // No catch-up run after a pause: a second job must find the version the first one used.
        return Map.of("LABEL_STUDIO_URL", labelStudio.url(), "LABEL_STUDIO_API_KEY", FakeLabelStudioApi.TOKEN,
                "FLYWHEEL_PRELABEL_RETRY_MS", "100", "FLYWHEEL_TRAINING_CATCH_UP_SECONDS", "0");
    }
}
