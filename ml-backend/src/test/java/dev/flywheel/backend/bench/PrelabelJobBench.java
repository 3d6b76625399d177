package dev.flywheel.backend.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flywheel.backend.it.FakeLabelStudioApi;
import dev.flywheel.fixtures.Annotations;
import dev.flywheel.fixtures.Tasks;
import dev.flywheel.fixtures.simulator.LabelStudioSimulator;
import dev.flywheel.model.labelstudio.Task;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pre-label job against the bare predictor on the same images, both fetching them from a stand-in Label Studio, and
 * the job's memory over a long run in a process of its own (the command line). Writes its section of
 * {@code docs/PERFORMANCE.md}. Not a test: {@code ./mvnw -B -Pbench -pl ml-backend -am verify -DskipTests
 * -Dbench.main=dev.flywheel.backend.bench.PrelabelJobBench} ({@code -Dprelabel.bench.tasks}, {@code -Dprelabel.bench.long}).
 */
public final class PrelabelJobBench {

    private static final long PROJECT = 7;
    private static final String CONFIG = BenchSupport.CONFIG;
    private static final Pattern GC = Pattern.compile("\\[([0-9.]+)s].*Pause.* (\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private PrelabelJobBench() {}

    public static void main(String[] args) throws Exception {
        Path report = Path.of(args.length > 0 ? args[0] : "docs/PERFORMANCE.md").toAbsolutePath();
        Path work = Path.of(args.length > 1 ? args[1] : "target/bench").toAbsolutePath().resolve("prelabel");
        int tasks = Integer.getInteger("prelabel.bench.tasks", 1_000);
        int longTasks = Integer.getInteger("prelabel.bench.long", 20_000);
        Files.createDirectories(work);
        Path home = Files.createTempDirectory(work, "home-");
        String load = Machine.loadAverage();
        StringBuilder out = new StringBuilder();
        try (FakeLabelStudioApi labelStudio = new FakeLabelStudioApi()) {
            labelStudio.project(PROJECT, CONFIG);
            Random random = new Random(41);
            List<byte[]> images = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                images.add(BenchSupport.png(i % 3, random));
            }
            for (int i = 0; i < 12; i++) {
                labelStudio.imageTask(PROJECT, 1 + i, BenchSupport.png(i % 3, random));
            }
            for (int i = 0; i < tasks; i++) {
                // The same pictures twice under other names: the image cache of the first run cannot help the second.
                labelStudio.imageTask(PROJECT, 1_000 + i, images.get(i));
                labelStudio.imageTask(PROJECT, 200_000 + i, images.get(i));
            }
            Map<String, String> env = Map.of("LABEL_STUDIO_URL", labelStudio.url(), "LABEL_STUDIO_API_KEY", FakeLabelStudioApi.TOKEN);
            double bare;
            double job;
            double reported;
            String version;
            try (BenchBackend backend = BenchBackend.start(home, env)) {
                LabelStudioSimulator ls = LabelStudioSimulator.of(backend.uri());
                ls.connect(PROJECT + ".1733570000", CONFIG, labelStudio.url(), FakeLabelStudioApi.TOKEN);
                for (int i = 0; i < 12; i++) {
                    var annotation = Annotations.choice(5_000 + i, 1 + i, BenchSupport.LABELS.get(i % 3));
                    ls.annotate(labelStudio.label(PROJECT, 1 + i, annotation), annotation);
                }
                BenchSupport.awaitModel(backend.uri(), PROJECT, Duration.ofMinutes(5));
                version = BenchSupport.getJson(backend.uri(), "/api/v1/projects/" + PROJECT + "/models").path("active").asText();

                long started = System.nanoTime();
                for (int from = 0; from < tasks; from += 32) {
                    List<Task> batch = new ArrayList<>();
                    for (int i = from; i < Math.min(tasks, from + 32); i++) {
                        batch.add(Tasks.imageTask(1_000 + i, "/data/upload/" + PROJECT + "/" + (1_000 + i) + ".png"));
                    }
                    ls.predict(batch);
                }
                bare = tasks / seconds(started);
                for (int i = 0; i < tasks; i++) {
                    labelStudio.markPredicted(PROJECT, 1_000 + i, version);
                }

                started = System.nanoTime();
                JsonNode done = runJob(backend.uri());
                job = done.path("done").asLong() / seconds(started);
                reported = done.path("images_per_s").asDouble();
                System.out.println("prelabel: bare " + bare + " images/s, job " + job + " (" + done + ")");
            }
            out.append(String.format(Locale.ROOT, "| bare predictor (`/predict`, batches of 32) | %d | %.1f |%n", tasks, bare));
            out.append(String.format(Locale.ROOT, "| pre-label job, start to done (as reported: %.1f) | %d | %.1f |%n", reported, tasks, job));
            String ratio = String.format(Locale.ROOT, "%.2f", job / bare);

            for (int i = 0; i < longTasks; i++) {
                labelStudio.imageTask(PROJECT, 1_000_000 + i, images.get(i % images.size()));
            }
            String memory = longJob(work, home, env, labelStudio, longTasks);
            String body = "## Pre-label job: throughput and memory\n\nRun: `./mvnw -B -Pbench -pl ml-backend -am verify -DskipTests"
                    + " -Dbench.main=dev.flywheel.backend.bench.PrelabelJobBench -Dprelabel.bench.tasks=" + tasks + " -Dprelabel.bench.long="
                    + longTasks + "`.\n\n"
                    + "Measured " + LocalDate.now() + " on " + Machine.describe().cpu() + " (" + Machine.describe().cores()
                    + " cores, shared; load average at start " + load + "), one DJL thread, 48×48 shape images served by a stand-in"
                    + " Label Studio on loopback, the version trained on 12 labels at 32 px. Same images for both rows, under other"
                    + " names so the image cache cannot favour either.\n\n"
                    + "| run | images | images/s |\n|---|---|---|\n" + out
                    + "\nThe job runs at **" + ratio + "×** the bare predictor (target ≥ 0.8×): the bare client waits for each `/predict`"
                    + " answer before it sends the next batch, the job imports one batch while it predicts the next; its own extra work per"
                    + " batch of 32 is a page read per 100 tasks, one bulk import and one store transaction.\n\n"
                    + memory + "\n";
            Files.writeString(report, ReportSections.replace(Files.exists(report) ? Files.readString(report) : "# Flywheel performance\n", body));
            System.out.println(body);
        }
        System.exit(0);
    }

    private static JsonNode runJob(URI backend) throws Exception {
        String path = "/api/v1/projects/" + PROJECT + "/prelabel-jobs";
        HttpResponse<String> reply = BenchSupport.HTTP.send(HttpRequest.newBuilder(backend.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        String job = BenchSupport.MAPPER.readTree(reply.body()).path("job").asText();
        while (true) {
            JsonNode status = BenchSupport.getJson(backend, path + "/" + job);
            if (status.path("status").asText().matches("done|failed|cancelled")) {
                return status;
            }
            Thread.sleep(100);
        }
    }

    /** The command line on {@code count} new tasks in a JVM of its own: its heap after each GC and its RSS as the job goes. */
    private static String longJob(Path work, Path home, Map<String, String> env, FakeLabelStudioApi labelStudio, int count) throws Exception {
        Path gcLog = work.resolve("gc.log");
        Files.deleteIfExists(gcLog);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--enable-native-access=ALL-UNNAMED",
                "-Xmx256m", "-Xlog:gc:file=" + gcLog, "-Dai.djl.pytorch.num_threads=1", "-cp", System.getProperty("java.class.path"),
                "dev.flywheel.backend.Main", "prelabel", "--project", Long.toString(PROJECT));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve("cli.log").toFile());
        builder.environment().putAll(env);
        builder.environment().put("FLYWHEEL_HOME", home.toString());
        int before = labelStudio.created().size();
        long started = System.nanoTime();
        Process cli = builder.start();
        List<long[]> rss = new ArrayList<>();
        while (cli.isAlive()) {
            long kb = rssKb(cli.pid());
            if (kb > 0) {
                rss.add(new long[] {labelStudio.created().size() - before, kb});
            }
            Thread.sleep(2_000);
        }
        double took = seconds(started);
        int created = labelStudio.created().size() - before;
        List<double[]> heap = new ArrayList<>();
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = GC.matcher(line);
            if (m.find()) {
                heap.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(3))});
            }
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "A long job: `prelabel --project 7` in its own JVM (-Xmx256m) on %d new"
                + " tasks (exit %d): %d predictions in %.0f s (%.1f images/s).%n%n| share of the job | heap after GC (MiB) | RSS (MiB) |%n|---|---|---|%n",
                count, cli.exitValue(), created, took, created / took));
        for (int quarter = 1; quarter <= 4; quarter++) {
            double from = (quarter - 1) / 4.0;
            double to = quarter / 4.0;
            double heapMax = heap.stream().filter(h -> h[0] / took >= from && h[0] / took < to).mapToDouble(h -> h[1]).max().orElse(Double.NaN);
            long rssMax = rss.stream().filter(r -> r[0] >= from * created && r[0] <= to * created).mapToLong(r -> r[1]).max().orElse(0);
            text.append(String.format(Locale.ROOT, "| %d–%d %% | %.0f | %d |%n", (int) (from * 100), (int) (to * 100), heapMax, rssMax / 1024));
        }
        return text.toString();
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // the process just ended
        }
        return 0;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
