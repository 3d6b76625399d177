package dev.flywheel.backend.bench;

import static dev.flywheel.backend.bench.BenchSupport.percentileMs;

import dev.flywheel.backend.Backend;
import dev.flywheel.fixtures.Annotations;
import dev.flywheel.fixtures.Tasks;
import dev.flywheel.fixtures.simulator.LabelStudioSimulator;
import dev.flywheel.model.labelstudio.PredictRequest;
import dev.flywheel.model.labelstudio.Task;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load figures for docs/RELIABILITY.md: 16 predict clients during a training run (throughput, p50/p99, 503s), /health
 * latency under that load, and 1,000 webhooks from 32 threads with 100 duplicates.
 *
 * <p>Run: {@code ./mvnw -B -o -pl ml-backend -am verify -DskipTests -Preliability}. Argument: the Markdown file to write.
 */
public final class ReliabilityBench {

    static final String COMMAND = "./mvnw -B -o -pl ml-backend -am verify -DskipTests -Preliability";
    private static final long PROJECT = 81;
    private static final long WEBHOOK_PROJECT = 82;
    private static final int CLIENTS = 16;
    private static final int BATCH = 8;
    private static final Duration LOAD = Duration.ofSeconds(45);

    private ReliabilityBench() {}

    /** One predict's outcome. */
    record Outcome(int status, long nanos, boolean retryAfter) {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/RELIABILITY.md");
        Path home = Files.createTempDirectory("flywheel-bench");
        String started = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        StringBuilder md = new StringBuilder();
        try (BenchSupport.ImageHost images = new BenchSupport.ImageHost(); Backend backend = BenchSupport.start(home)) {
            URI uri = URI.create("http://127.0.0.1:" + backend.port());
            md.append(predictUnderTraining(uri, images));
            md.append(webhookBurst(uri));
        } finally {
            Benchmarks.deleteTree(home);
        }
        String header = "## Load figures (ReliabilityBench)\n\n"
                + "- Date: " + started + "\n- Machine: " + BenchSupport.machine() + "\n- Command: `" + COMMAND + "`\n"
                + "- Backend: in the bench JVM, loopback only, predict pool 2 workers + queue 16 (Backend.java), worker threads at "
                + "nice +5 (predictions, image fetching) and +10 (training), training settings of the integration tests (32 px "
                + "input, 2,000 image budget).\n\n";
        BenchSupport.writeSection(out, "bench", header + md, ReliabilityDoc.SKELETON);
        System.out.println(header + md);
    }

    private static String predictUnderTraining(URI uri, BenchSupport.ImageHost images) throws Exception {
        LabelStudioSimulator ls = LabelStudioSimulator.of(uri);
        ls.connect(PROJECT + ".1700000000", BenchSupport.CONFIG, "http://127.0.0.1:1", null);
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            tasks.add(Tasks.imageTask(8100 + i, images.url(i)));
        }
        for (int i = 0; i < 30; i++) {
            ls.annotate(tasks.get(i), Annotations.choice(81_000 + i, tasks.get(i).id(), BenchSupport.LABELS.get(i % 3)));
        }
        BenchSupport.awaitModel(uri, PROJECT, Duration.ofMinutes(5));
        ls.predict(tasks.subList(30, 120)); // warm the image cache: the load measures serving, not downloading
        for (int i = 30; i < 60; i++) {
            ls.annotate(tasks.get(i), Annotations.choice(81_000 + i, tasks.get(i).id(), BenchSupport.LABELS.get(i % 3)));
        }
        postEmpty(uri, "/api/v1/projects/" + PROJECT + "/train");

        ConcurrentLinkedQueue<Outcome> predicts = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> health = new ConcurrentLinkedQueue<>();
        AtomicInteger healthFailures = new AtomicInteger();
        AtomicInteger trainingSamples = new AtomicInteger();
        AtomicInteger samples = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 2);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                Random random = new Random(client);
                while (running.get()) {
                    int from = 30 + random.nextInt(120 - 30 - BATCH);
                    predicts.add(predict(uri, tasks.subList(from, from + BATCH)));
                }
                return null;
            }));
        }
        futures.add(pool.submit(() -> {
            while (running.get()) {
                long t = System.nanoTime();
                try {
                    int status = BenchSupport.HTTP.send(HttpRequest.newBuilder(uri.resolve("/health")).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
                    health.add(System.nanoTime() - t);
                    if (status != 200) {
                        healthFailures.incrementAndGet();
                    }
                } catch (java.io.IOException e) {
                    healthFailures.incrementAndGet();
                }
                Thread.sleep(50);
            }
            return null;
        }));
        futures.add(pool.submit(() -> {
            while (running.get()) {
                samples.incrementAndGet();
                if (BenchSupport.training(uri, PROJECT)) {
                    trainingSamples.incrementAndGet();
                }
                Thread.sleep(500);
            }
            return null;
        }));
        String loadBefore = BenchSupport.loadAverage();
        Thread.sleep(LOAD.toMillis());
        String loadAfter = BenchSupport.loadAverage();
        running.set(false);
        for (Future<?> f : futures) {
            f.get(2, TimeUnit.MINUTES);
        }
        pool.shutdownNow();
        double seconds = (System.nanoTime() - start) / 1e9;

        List<Outcome> all = List.copyOf(predicts);
        long ok = all.stream().filter(o -> o.status() == 200).count();
        long busy = all.stream().filter(o -> o.status() == 503).count();
        long busyWithRetryAfter = all.stream().filter(o -> o.status() == 503 && o.retryAfter()).count();
        long other = all.size() - ok - busy;
        long[] okNanos = all.stream().filter(o -> o.status() == 200).mapToLong(Outcome::nanos).toArray();
        long[] allNanos = all.stream().mapToLong(Outcome::nanos).toArray();
        long[] healthNanos = health.stream().mapToLong(Long::longValue).toArray();
        List<Outcome> burst = burst(uri, tasks.subList(30, 30 + 32), 48);
        long burst503 = burst.stream().filter(o -> o.status() == 503).count();
        long burst503Retry = burst.stream().filter(o -> o.status() == 503 && o.retryAfter()).count();

        return String.format(java.util.Locale.ROOT, """
                ### /predict: %d clients for %.0f s while training runs
                Inputs: batches of %d cached 48×48 PNG tasks, model of the project active, a retrain started just before the load; \
                training was queued or running in %d of %d half-second samples. Machine load average (1 min) at the start and \
                end of the load: %s and %s (other processes share the 2 cores).

                | figure | value |
                |---|---|
                | requests | %d (200: %d, 503: %d, other: %d) |
                | 503s carrying Retry-After | %d of %d |
                | throughput (200s) | %.1f requests/s, %.1f tasks/s |
                | /predict latency of 200s p50 / p99 / max | %.0f / %.0f / %.0f ms |
                | /predict latency, all answers, p99 | %.0f ms |
                | /health probes (every 50 ms) | %d, failures %d |
                | /health latency p50 / p99 / max | %.1f / %.1f / %.1f ms |
                | burst of 48 simultaneous requests | 503: %d (all with Retry-After: %s) |

                """, CLIENTS, seconds, BATCH, trainingSamples.get(), samples.get(), loadBefore, loadAfter, all.size(), ok, busy, other, busyWithRetryAfter, busy,
                ok / seconds, ok * BATCH / seconds, percentileMs(okNanos, 50), percentileMs(okNanos, 99), percentileMs(okNanos, 100),
                percentileMs(allNanos, 99), healthNanos.length, healthFailures.get(), percentileMs(healthNanos, 50),
                percentileMs(healthNanos, 99), percentileMs(healthNanos, 100), burst503, burst503 == burst503Retry ? "yes" : "no");
    }

    private static List<Outcome> burst(URI uri, List<Task> tasks, int requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<Future<Outcome>> futures = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            futures.add(pool.submit(() -> {
                go.await();
                return predict(uri, tasks);
            }));
        }
        go.countDown();
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> f : futures) {
            outcomes.add(f.get(2, TimeUnit.MINUTES));
        }
        pool.shutdownNow();
        return outcomes;
    }

    private static String webhookBurst(URI uri) throws Exception {
        LabelStudioSimulator setup = LabelStudioSimulator.of(uri);
        setup.connect(WEBHOOK_PROJECT + ".1700000000", BenchSupport.CONFIG, "http://127.0.0.1:1", null);
        List<Task> tasks = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 900; i++) {
            tasks.add(Tasks.imageTask(820_000 + i, "/data/upload/82/w" + i + ".png"));
            order.add(i);
        }
        Random random = new Random(4);
        for (int i = 0; i < 100; i++) {
            order.add(random.nextInt(900));
        }
        Collections.shuffle(order, random);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        AtomicInteger created = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 32; t++) {
            int first = t;
            futures.add(pool.submit(() -> {
                LabelStudioSimulator ls = LabelStudioSimulator.of(uri);
                ls.connect(WEBHOOK_PROJECT + ".1700000000", BenchSupport.CONFIG, "http://127.0.0.1:1", null);
                for (int i = first; i < order.size(); i += 32) {
                    Task task = tasks.get(order.get(i));
                    if (ls.annotate(task, Annotations.choice(task.id() + 1_000_000, task.id(), "circle")).status() == 201) {
                        created.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get(5, TimeUnit.MINUTES);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdownNow();
        int counted = BenchSupport.getJson(uri, "/api/v1/projects/" + WEBHOOK_PROJECT + "/stats").path("annotations").asInt();
        return String.format(java.util.Locale.ROOT, """
                ### Webhooks: 1,000 from 32 threads, 100 of them duplicates
                | figure | value |
                |---|---|
                | acknowledged 201 | %d of 1000 |
                | wall time | %.2f s (%.0f webhooks/s, each durable in SQLite before the 201) |
                | annotations counted by /api/v1/projects/82/stats | %d (expected 900) |

                """, created.get(), seconds, 1000 / seconds, counted);
    }

    private static Outcome predict(URI uri, List<Task> tasks) {
        long t = System.nanoTime();
        try {
            byte[] body = BenchSupport.MAPPER.writeValueAsBytes(PredictRequest.batch(tasks, PROJECT + ".1700000000", BenchSupport.CONFIG));
            HttpResponse<Void> response = BenchSupport.HTTP.send(HttpRequest.newBuilder(uri.resolve("/predict"))
                    .timeout(Duration.ofSeconds(100)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
            return new Outcome(response.statusCode(), System.nanoTime() - t, response.headers().firstValue("Retry-After").isPresent());
        } catch (java.io.IOException e) {
            return new Outcome(-1, System.nanoTime() - t, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(-2, System.nanoTime() - t, false);
        }
    }

    private static void postEmpty(URI uri, String path) throws Exception {
        BenchSupport.HTTP.send(HttpRequest.newBuilder(uri.resolve(path)).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.discarding());
    }
}
