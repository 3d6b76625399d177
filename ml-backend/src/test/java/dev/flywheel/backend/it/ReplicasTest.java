package dev.flywheel.backend.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flywheel.backend.testing.TestPostgres;
import dev.flywheel.fixtures.Annotations;
import dev.flywheel.fixtures.simulator.LabelStudioSimulator;
import dev.flywheel.fixtures.simulator.Reply;
import dev.flywheel.model.labelstudio.Task;
import dev.flywheel.model.labelstudio.WebhookResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three replicas in separate JVMs on one PostgreSQL database and one shared {@code FLYWHEEL_HOME}, behind a client that
 * spreads Label Studio's traffic over them: the one that holds the trainer lease trains what webhooks on any replica
 * made due, every replica serves each new version and a rollback made on any of them, the same annotation sent to two
 * replicas at once is stored once, and when the trainer is killed with SIGKILL another takes over, fails the run it
 * interrupted and trains the next.
 */
class ReplicasTest {

    private static final String PROJECT_UID = "7.1732870000";
    private static final long PROJECT = 7;
    private static final String DATABASE = "replicas";
    /** A new active version must reach every replica within this. */
    private static final Duration PROPAGATION = Duration.ofSeconds(2);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path home;

    @TempDir
    Path logs;

    private final List<ChildBackend> replicas = new ArrayList<>();

    @AfterEach
    void stopReplicas() {
        replicas.forEach(ChildBackend::close);
    }

    @Test
    void threeReplicasShareTrainingServingRollbackAndSurviveTheTrainersKill() throws Exception {
        TestPostgres postgres = TestPostgres.shared();
        Map<String, String> env = new HashMap<>(postgres.environment(DATABASE));
        env.putAll(Map.of("FLYWHEEL_TRAINING_INPUT_SIZE", "32", "FLYWHEEL_TRAINING_IMAGE_BUDGET", "600", "FLYWHEEL_AUDIT_FOLDS", "0"));
        for (int i = 0; i < 3; i++) {
            replicas.add(ChildBackend.start(home, logs, env));
        }
        ChildBackend trainer = replicas.get(0);
        assertThat(trainer.output()).as("the first replica up takes the lease").contains("holds the trainer lease");
        assertThat(replicas.get(1).output()).doesNotContain("holds the trainer lease");

        try (FakeLabelStudio labelStudio = new FakeLabelStudio()) {
            List<Task> tasks = labelStudio.shapeTasks(PROJECT, 16, 1000, new Random(17));
            List<LabelStudioSimulator> clients = replicas.stream().map(r -> LabelStudioSimulator.of(r.uri())).toList();
            // Label Studio behind a load balancer: every request may land on any replica.
            for (LabelStudioSimulator client : clients) {
                client.connect(PROJECT_UID, ShapeScenes.CONFIG, labelStudio.url(), FakeLabelStudio.TOKEN);
            }
            for (int i = 0; i < 12; i++) {
                Reply<WebhookResponse> ack = clients.get(i % 3).annotate(tasks.get(i),
                        Annotations.choice(5000 + i, tasks.get(i).id(), ShapeScenes.LABELS.get(i % 3)));
                assertThat(ack.status() / 100).as("acknowledged").isEqualTo(2);
            }
            InsightsPoller onStandby = new InsightsPoller(replicas.get(2).uri());
            String first = onStandby.awaitQuiet(PROJECT, Duration.ofSeconds(120));
            everyReplicaServes(clients, tasks, first);

            sameAnnotationOnTwoReplicasAtOnceIsStoredOnce(postgres, clients.get(1), clients.get(2), tasks.get(12));

            // Start Training on a replica that does not train: the trainer finds the queued run in the store.
            clients.get(1).startTraining();
            String second = onStandby.awaitNewVersion(PROJECT, first);
            everyReplicaServes(clients, tasks, second);

            // A rollback on one replica is what every replica serves next.
            assertThat(activate(replicas.get(2).uri(), first)).isEqualTo(200);
            everyReplicaServes(clients, tasks, first);

            // Kill the trainer mid-run: another replica takes the lease and the interrupted run fails.
            clients.get(2).startTraining();
            String interrupted = onStandby.awaitRun(PROJECT, InsightsPoller.status("training"), Duration.ofSeconds(60))
                    .path("version").asText();
            trainer.killHard();
            List<ChildBackend> survivors = replicas.subList(1, 3);
            List<LabelStudioSimulator> survivorClients = clients.subList(1, 3);
            onStandby.awaitRun(PROJECT, run -> run.path("version").asText().equals(interrupted)
                    && run.path("status").asText().equals("failed"), Duration.ofSeconds(30));
            assertThat(survivors).filteredOn(r -> r.output().contains("holds the trainer lease")).hasSize(1);

            survivorClients.get(0).startTraining();
            String afterKill = onStandby.awaitRun(PROJECT, run -> run.path("status").asText().equals("ready")
                    && !List.of(first, second).contains(run.path("version").asText()), Duration.ofSeconds(120)).path("version").asText();
            assertThat(onStandby.models(PROJECT).path("active").asText()).isEqualTo(afterKill);
            everyReplicaServes(survivorClients, tasks, afterKill);

            JsonNode models = onStandby.models(PROJECT);
            List<String> versions = new ArrayList<>();
            models.path("models").forEach(run -> versions.add(run.path("version").asText()));
            assertThat(new HashSet<>(versions)).as("versions are unique").hasSize(versions.size());
            assertThat(versions).contains(first, second, interrupted, afterKill);
            assertThat(onStandby.annotations(PROJECT)).as("every acknowledged annotation, each once").isEqualTo(13);
        }
    }

    /** Each replica answers {@code /predict} with {@code version} within {@link #PROPAGATION} of the first that does. */
    private static void everyReplicaServes(List<LabelStudioSimulator> clients, List<Task> tasks, String version) throws Exception {
        List<Task> asked = tasks.subList(13, 16);
        long deadline = System.nanoTime() + PROPAGATION.toNanos();
        for (LabelStudioSimulator client : clients) {
            String served = client.predict(asked).body().modelVersion();
            while (!version.equals(served) && System.nanoTime() < deadline) {
                Thread.sleep(50);
                served = client.predict(asked).body().modelVersion();
            }
            assertThat(served).as("served within %s of the switch", PROPAGATION).isEqualTo(version);
        }
    }

    private static void sameAnnotationOnTwoReplicasAtOnceIsStoredOnce(TestPostgres postgres, LabelStudioSimulator one,
            LabelStudioSimulator two, Task task) throws Exception {
        var annotation = Annotations.choice(6000, task.id(), ShapeScenes.LABELS.get(0));
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<Reply<WebhookResponse>> a = CompletableFuture.supplyAsync(() -> awaitThen(go, () -> one.annotate(task, annotation)));
        CompletableFuture<Reply<WebhookResponse>> b = CompletableFuture.supplyAsync(() -> awaitThen(go, () -> two.annotate(task, annotation)));
        go.countDown();
        assertThat(a.get().status() / 100).isEqualTo(2);
        assertThat(b.get().status() / 100).isEqualTo(2);
        try (Connection connection = postgres.connect(DATABASE); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*), COUNT(DISTINCT change_seq) FROM annotation"
                        + " WHERE project_id = " + PROJECT + " AND id = 6000")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).as("rows for the annotation").isEqualTo(1);
        }
    }

    private static <T> T awaitThen(CountDownLatch go, java.util.function.Supplier<T> action) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return action.get();
    }

    /** The insights API's rollback, as the Eclipse plugin sends it. */
    private static int activate(URI replica, String version) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(replica + "/api/v1/projects/" + PROJECT + "/models/" + version + "/activate"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
