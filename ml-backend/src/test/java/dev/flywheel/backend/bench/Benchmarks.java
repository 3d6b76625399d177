package dev.flywheel.backend.bench;

import dev.flywheel.backend.training.TrainingPolicy;
import dev.flywheel.backend.training.TrainingSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs every benchmark against the real backend and writes {@code docs/PERFORMANCE.md}.
 *
 * <p>Arguments: the report file, the work folder (deleted and recreated). Run through {@code ./mvnw -Pbench}, which
 * forks a JVM with DJL offline, one DJL thread and native access allowed.
 */
public final class Benchmarks {

    static final int[] CHECKPOINTS = {200, 600, 1_000, 2_000};

    private Benchmarks() {}

    public static void main(String[] args) throws Exception {
        Path report = Path.of(args.length > 0 ? args[0] : "docs/PERFORMANCE.md").toAbsolutePath();
        Path work = Path.of(args.length > 1 ? args[1] : "target/bench").toAbsolutePath();
        String only = System.getProperty("flywheel.bench.only", "all");
        deleteTree(work);
        Files.createDirectories(work);
        long started = System.nanoTime();
        String loadAtStart = Machine.loadAverage();

        List<LatencyBench.Result> latency = List.of();
        if (!only.equals("replay")) {
            LatencyBench bench = new LatencyBench(work);
            latency = List.of(bench.run(64, 200, 40), bench.run(224, 60, 12));
            latency.forEach(r -> System.out.println("latency: " + r));
        }
        ReplayBench.Result replay = null;
        if (!only.equals("latency")) {
            replay = new ReplayBench(work).run(CHECKPOINTS, TrainingSettings.defaults(), TrainingPolicy.defaults());
            System.out.println("replay: " + replay);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        Files.createDirectories(report.getParent());
        Files.writeString(report, new PerformanceReport(Machine.describe(), latency, replay, took, loadAtStart).markdown());
        System.out.println("wrote " + report + " after " + took.toSeconds() + " s");
        System.exit(0);
    }

    static void deleteTree(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
