package dev.flywheel.backend.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flywheel.backend.store.SqliteStore;
import dev.flywheel.fixtures.Annotations;
import dev.flywheel.fixtures.Tasks;
import dev.flywheel.fixtures.simulator.LabelStudioSimulator;
import dev.flywheel.fixtures.simulator.Reply;
import dev.flywheel.model.labelstudio.PredictResponse;
import dev.flywheel.model.labelstudio.Task;
import dev.flywheel.model.labelstudio.WebhookResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backend as a separate process, killed with SIGKILL: an acknowledged annotation is never lost, an interrupted run
 * never replaces the active version or leaves half a model behind, nor does a kill while a finished version is being
 * switched to, and the next run works.
 */
class HardKillTest {

    private static final String PROJECT_UID = "7.1732870000";
    private static final long PROJECT = 7;
    /**
     * Small images and about 600 image passes per run: a run of a few seconds, long enough to be caught training. No
     * catch-up run after a pause: these tests count the versions the kills leave.
     */
    private static final Map<String, String> FAST_TRAINING = Map.of(
            "FLYWHEEL_TRAINING_INPUT_SIZE", "32", "FLYWHEEL_TRAINING_IMAGE_BUDGET", "600", "FLYWHEEL_TRAINING_CATCH_UP_SECONDS", "0");

    @TempDir
    Path home;

    @TempDir
    Path logs;

    @Test
    void everyAnnotationAcknowledgedBeforeAKillIsStoredExactlyOnceAfterRestart() throws Exception {
        int threads = 8;
        int perThread = 40;
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger sent = new AtomicInteger();
        try (ChildBackend child = ChildBackend.start(home, logs, Map.of())) {
            CountDownLatch connected = new CountDownLatch(threads);
            ExecutorService senders = Executors.newFixedThreadPool(threads);
            for (int t = 0; t < threads; t++) {
                int thread = t;
                senders.execute(() -> {
                    LabelStudioSimulator ls = LabelStudioSimulator.of(child.uri());
                    ls.connect(PROJECT_UID, ShapeScenes.CONFIG, null, null);
                    connected.countDown();
                    for (int i = 0; i < perThread; i++) {
                        long id = 10_000L + thread * 1_000L + i;
                        Task task = Tasks.imageTask(id, "/data/upload/7/" + id + ".png");
                        sent.incrementAndGet();
                        try {
                            // One label only: the policy never starts a run, so the burst is all the child does.
                            Reply<WebhookResponse> ack = ls.annotate(task, Annotations.choice(id, id, "circle"));
                            if (ack.status() / 100 == 2) {
                                acknowledged.add(id);
                            }
                        } catch (RuntimeException killed) {
                            return;
                        }
                    }
                });
            }
            assertThat(connected.await(30, TimeUnit.SECONDS)).isTrue();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (acknowledged.size() < threads * perThread / 3 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            child.killHard();
            senders.shutdown();
            assertThat(senders.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).as("killed in the middle of the burst").hasSizeBetween(1, threads * perThread - 1);

        try (ChildBackend restarted = ChildBackend.start(home, logs, Map.of())) {
            assertThat(new InsightsPoller(restarted.uri()).annotations(PROJECT)).isGreaterThanOrEqualTo(acknowledged.size());
        }
        try (SqliteStore store = SqliteStore.openInHome(home, Clock.systemUTC())) {
            List<Long> missing = acknowledged.stream().filter(id -> store.annotations().find(PROJECT, id).isEmpty()).toList();
            assertThat(missing).as("acknowledged but lost").isEmpty();
            long stored = store.dataset().counts(PROJECT).annotations();
            // Exactly once: no more rows than annotations that reached the child, none twice.
            assertThat(stored).isBetween((long) acknowledged.size(), (long) sent.get());
            assertThat(store.dataset().counts(PROJECT).annotatedTasks()).isEqualTo(stored);
        }
    }

    @Test
    void aKillDuringTrainingKeepsTheActiveVersionLeavesNoStagingAndTheNextRunSucceeds() throws Exception {
        try (FakeLabelStudio labelStudio = new FakeLabelStudio()) {
            List<Task> tasks = labelStudio.shapeTasks(PROJECT, 15, 1000, new Random(11));
            Killed run = trainThenKill(labelStudio, tasks, (child, insights, active) -> {
                String interrupted = awaitTrainingWithStaging(insights, Duration.ofSeconds(20));
                child.killHard();
                return interrupted;
            });
            String active = run.active();
            String interrupted = run.version();

            try (ChildBackend restarted = ChildBackend.start(home, logs, FAST_TRAINING)) {
                InsightsPoller insights = new InsightsPoller(restarted.uri());
                JsonNode models = insights.models(PROJECT);
                assertThat(models.path("active").asText()).isEqualTo(active);
                assertThat(statusOf(models, interrupted)).isEqualTo("failed");
                assertThat(stagingFolders()).as("partial model folders").isEmpty();

                servesThenTrainsANewVersion(restarted, insights, labelStudio, tasks, active);
            }
        }
    }

    @Test
    void aKillBetweenPublishingAVersionAndActivatingItKeepsTheCompleteActiveVersionAndTheNextRunSucceeds() throws Exception {
        try (FakeLabelStudio labelStudio = new FakeLabelStudio()) {
            List<Task> tasks = labelStudio.shapeTasks(PROJECT, 15, 1000, new Random(13));
            Killed run = trainThenKill(labelStudio, tasks, (child, insights, active) -> {
                String killed = insights.awaitRun(PROJECT, r -> r.path("status").asText().equals("training"), Duration.ofSeconds(20))
                        .path("version").asText();
                // Holding SQLite's write lock from here parks the child right after the atomic rename of the new version,
                // at the commit that would make it ready and active: the kill lands exactly in the switch.
                try (Connection lock = DriverManager.getConnection("jdbc:sqlite:" + home.resolve(SqliteStore.FILE_NAME));
                        Statement statement = lock.createStatement()) {
                    statement.execute("BEGIN IMMEDIATE");
                    Path published = home.resolve("models").resolve(Long.toString(PROJECT)).resolve(killed).resolve("manifest.json");
                    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                    while (!Files.exists(published) && System.nanoTime() < deadline) {
                        Thread.sleep(5);
                    }
                    assertThat(published).as("the version was published and waits to be activated").exists();
                    assertThat(insights.models(PROJECT).path("active").asText()).isEqualTo(active);
                    child.killHard();
                    statement.execute("ROLLBACK");
                }
                return killed;
            });
            String active = run.active();
            String killed = run.version();

            try (ChildBackend restarted = ChildBackend.start(home, logs, FAST_TRAINING)) {
                InsightsPoller insights = new InsightsPoller(restarted.uri());
                JsonNode models = insights.models(PROJECT);
                assertThat(models.path("active").asText()).isEqualTo(active);
                assertThat(statusOf(models, killed)).isEqualTo("failed");
                // The folder the kill left published was never activated: it is not offered as a version.
                assertThat(versionFolders()).containsExactly(active);
                assertThat(insights.get("/versions").path("versions")).extracting(JsonNode::asText).containsExactly(active);
                assertThat(home.resolve("models").resolve(Long.toString(PROJECT)).resolve(active).resolve("manifest.json")).isRegularFile();

                String next = servesThenTrainsANewVersion(restarted, insights, labelStudio, tasks, active);
                assertThat(versionFolders()).containsExactlyInAnyOrder(active, next);
            }
        }
    }

    /** The active version before the kill, and the run the kill interrupted. */
    private record Killed(String active, String version) {}

    /** Decides when to kill the child during the run Start Training began; answers that run's version. */
    @FunctionalInterface
    private interface KillPoint {
        String kill(ChildBackend child, InsightsPoller insights, String active) throws Exception;
    }

    /** A child backend trains a first version on {@code tasks}, then Start Training, and {@code kill} kills it. */
    private Killed trainThenKill(FakeLabelStudio labelStudio, List<Task> tasks, KillPoint kill) throws Exception {
        try (ChildBackend child = ChildBackend.start(home, logs, FAST_TRAINING)) {
            InsightsPoller insights = new InsightsPoller(child.uri());
            LabelStudioSimulator ls = LabelStudioSimulator.of(child.uri());
            String active = firstVersion(ls, insights, labelStudio, tasks);
            ls.startTraining();
            return new Killed(active, kill.kill(child, insights, active));
        }
    }

    /** Connects the project and annotates twelve tasks: the policy's first run at ten, too few more for a follow-up. */
    private static String firstVersion(LabelStudioSimulator ls, InsightsPoller insights, FakeLabelStudio labelStudio, List<Task> tasks)
            throws Exception {
        ls.connect(PROJECT_UID, ShapeScenes.CONFIG, labelStudio.url(), FakeLabelStudio.TOKEN);
        for (int i = 0; i < 12; i++) {
            ls.annotate(tasks.get(i), Annotations.choice(5000 + i, tasks.get(i).id(), ShapeScenes.LABELS.get(i % 3)));
        }
        return insights.awaitQuiet(PROJECT, Duration.ofSeconds(40));
    }

    /**
     * After a restart: Label Studio's connect answers {@code active}, pre-labels carry it, and Start Training produces a
     * new ready version that becomes active. Answers the new version.
     */
    private static String servesThenTrainsANewVersion(ChildBackend restarted, InsightsPoller insights, FakeLabelStudio labelStudio,
            List<Task> tasks, String active) throws Exception {
        LabelStudioSimulator ls = LabelStudioSimulator.of(restarted.uri());
        assertThat(ls.connect(PROJECT_UID, ShapeScenes.CONFIG, labelStudio.url(), FakeLabelStudio.TOKEN)).isEqualTo(active);
        Reply<PredictResponse> predicted = ls.predict(tasks.subList(12, 15));
        assertThat(predicted.body().modelVersion()).isEqualTo(active);
        assertThat(predicted.body().predictions()).allSatisfy(p -> assertThat(p.result()).hasSize(1));

        ls.startTraining();
        // Only the active version and the new one can be ready: the interrupted run is failed.
        String next = insights.awaitRun(PROJECT, run -> run.path("status").asText().equals("ready")
                && !run.path("version").asText().equals(active), Duration.ofSeconds(40)).path("version").asText();
        assertThat(insights.models(PROJECT).path("active").asText()).isEqualTo(next);
        return next;
    }

    /** The project's model folder entries: complete versions and anything a crash left behind. */
    private List<String> versionFolders() throws IOException {
        try (Stream<Path> entries = Files.list(home.resolve("models").resolve(Long.toString(PROJECT)))) {
            return entries.map(p -> p.getFileName().toString()).toList();
        }
    }

    /** Waits until a run is training and has begun writing its model, and answers its version. */
    private String awaitTrainingWithStaging(InsightsPoller insights, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode run : insights.models(PROJECT).path("models")) {
                if (run.path("status").asText().equals("training") && !stagingFolders().isEmpty()) {
                    return run.path("version").asText();
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no run was seen training within " + timeout + ": " + insights.models(PROJECT));
    }

    private List<Path> stagingFolders() throws IOException {
        Path models = home.resolve("models");
        if (!Files.isDirectory(models)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(models, 2)) {
            return all.filter(p -> p.getFileName().toString().startsWith(".staging-")).toList();
        }
    }

    private static String statusOf(JsonNode models, String version) {
        for (JsonNode run : models.path("models")) {
            if (run.path("version").asText().equals(version)) {
                return run.path("status").asText();
            }
        }
        throw new AssertionError("run " + version + " is not listed: " + models);
    }
}
