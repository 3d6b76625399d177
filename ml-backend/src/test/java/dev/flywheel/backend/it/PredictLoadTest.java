package dev.flywheel.backend.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flywheel.fixtures.Annotations;
import dev.flywheel.fixtures.Tasks;
import dev.flywheel.fixtures.simulator.LabelStudioSimulator;
import dev.flywheel.model.labelstudio.PredictRequest;
import dev.flywheel.model.labelstudio.Task;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sixteen Label Studio clients predicting while a training run holds the worker: every request is answered — 200, or
 * 503 with {@code Retry-After} and an ApiError from the bounded queue — none stalls, and {@code /health} keeps
 * answering. Timing figures live in {@code ReliabilityBench}; this test checks behaviour only.
 */
class PredictLoadTest {

    private static final long PROJECT = 61;
    private static final int CLIENTS = 16;
    private static final Duration STALL_BOUND = Duration.ofSeconds(60);

    @TempDir
    Path home;

    /** One request's outcome. */
    record Outcome(int status, long nanos, String retryAfter, String body) {}

    @Test
    void sixteenClientsDuringTrainingGetAnswersOr503WithRetryAfterAndHealthStaysUp() throws Exception {
        try (FakeLabelStudio labelStudio = new FakeLabelStudio(); RunningBackend backend = RunningBackend.start(home, Map.of())) {
            URI uri = backend.uri();
            LabelStudioSimulator ls = LabelStudioSimulator.of(uri);
            ls.connect(PROJECT + ".1700000000", ShapeScenes.CONFIG, labelStudio.url(), FakeLabelStudio.TOKEN);
            Random random = new Random(6);
            List<Task> tasks = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                tasks.add(Tasks.imageTask(6100 + i, labelStudio.upload(PROJECT, "l" + i + ".png", ShapeScenes.png(i % 3, random))));
            }
            for (int i = 0; i < 24; i++) {
                ls.annotate(tasks.get(i), Annotations.choice(61_000 + i, tasks.get(i).id(), ShapeScenes.LABELS.get(i % 3)));
            }
            awaitIdle(uri);
            ls.predict(tasks.subList(24, 60)); // warms the image cache, so load measures serving rather than downloading
            for (int i = 24; i < 40; i++) {
                ls.annotate(tasks.get(i), Annotations.choice(61_000 + i, tasks.get(i).id(), ShapeScenes.LABELS.get(i % 3)));
            }
            HttpResponse<String> train = Hostile.post(uri, "/api/v1/projects/" + PROJECT + "/train", "{}");
            assertThat(train.statusCode()).as(train.body()).isIn(202, 409);
            byte[] request = Hostile.MAPPER.writeValueAsBytes(
                    PredictRequest.batch(tasks.subList(24, 60), PROJECT + ".1700000000", ShapeScenes.CONFIG));

            AtomicBoolean loadRunning = new AtomicBoolean(true);
            ConcurrentLinkedQueue<Integer> health = new ConcurrentLinkedQueue<>();
            CompletableFuture<Void> healthProbe = CompletableFuture.runAsync(() -> {
                while (loadRunning.get()) {
                    health.add(send(uri, "GET", "/health", null).status());
                    sleep(50);
                }
            });
            boolean trainingDuringLoad = isTraining(uri);
            List<Outcome> steady = fire(uri, request, CLIENTS, 6);
            List<Outcome> burst = fire(uri, request, 48, 1);
            trainingDuringLoad |= isTraining(uri);
            loadRunning.set(false);
            healthProbe.get(30, TimeUnit.SECONDS);

            List<Outcome> all = new ArrayList<>(steady);
            all.addAll(burst);
            assertThat(trainingDuringLoad).as("a training run overlapped the load").isTrue();
            assertThat(all).allSatisfy(o -> {
                assertThat(o.status()).as(o.body()).isIn(200, 503);
                assertThat(Duration.ofNanos(o.nanos())).isLessThan(STALL_BOUND);
            });
            assertThat(all).filteredOn(o -> o.status() == 200).isNotEmpty();
            List<Outcome> overloaded = all.stream().filter(o -> o.status() == 503).toList();
            assertThat(burst).as("48 simultaneous requests overflow a queue of 16 behind 2 workers")
                    .anySatisfy(o -> assertThat(o.status()).isEqualTo(503));
            for (Outcome o : overloaded) {
                assertThat(o.retryAfter()).as("Retry-After").isNotNull().matches("\\d+");
                JsonNode error = Hostile.MAPPER.readTree(o.body());
                assertThat(error.path("error").asText()).isEqualTo("overloaded");
                assertThat(error.path("detail").asText()).isNotBlank();
            }
            assertThat(health).isNotEmpty().allSatisfy(status -> assertThat(status).isEqualTo(200));
            Hostile.assertHealthy(uri, "the load");
        }
    }

    /** {@code clients} threads, each sending {@code rounds} predicts back to back, all released at once. */
    static List<Outcome> fire(URI uri, byte[] request, int clients, int rounds) throws Exception {
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<CompletableFuture<Void>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                done.add(CompletableFuture.runAsync(() -> {
                    awaitLatch(start);
                    for (int r = 0; r < rounds; r++) {
                        outcomes.add(send(uri, "POST", "/predict", request));
                    }
                }, pool));
            }
            start.countDown();
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }
        return outcomes;
    }

    static Outcome send(URI uri, String method, String path, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri.resolve(path)).timeout(STALL_BOUND);
        request = body == null ? request.GET() : request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = Hostile.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Outcome(response.statusCode(), System.nanoTime() - started,
                    response.headers().firstValue("Retry-After").orElse(null), response.body());
        } catch (java.io.IOException e) {
            return new Outcome(-1, System.nanoTime() - started, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(-2, System.nanoTime() - started, null, "interrupted");
        }
    }

    private static boolean isTraining(URI uri) {
        try {
            JsonNode models = Hostile.MAPPER.readTree(send(uri, "GET", "/api/v1/projects/" + PROJECT + "/models", null).body());
            for (JsonNode m : models.path("models")) {
                if (Set.of("queued", "training").contains(m.path("status").asText())) {
                    return true;
                }
            }
            return false;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static void awaitIdle(URI uri) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        int quiet = 0;
        while (System.nanoTime() < deadline && quiet < 2) {
            JsonNode models = Hostile.MAPPER.readTree(send(uri, "GET", "/api/v1/projects/" + PROJECT + "/models", null).body());
            quiet = isTraining(uri) || models.path("active").isNull() || models.path("active").isMissingNode() ? 0 : quiet + 1;
            Thread.sleep(400);
        }
        assertThat(quiet).as("a model trained").isEqualTo(2);
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
