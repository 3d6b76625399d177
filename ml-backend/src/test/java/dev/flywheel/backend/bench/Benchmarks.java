package dev.flywheel.backend.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs the benchmarks against the real backend, started as a user starts it, and writes {@code docs/PERFORMANCE.md}.
 *
 * <p>Arguments: the report file, the work folder (deleted and recreated). Run through {@code ./mvnw -Pbench}, which
 * forks a JVM with DJL offline, one DJL thread and native access allowed. {@code -Dflywheel.bench.only=replay,scenes}
 * runs some of them (replay, scenes, latency, labelissues, boxissues); their sections replace their own in the report and the others stay.
 */
public final class Benchmarks {

    static final int[] CHECKPOINTS = {200, 600, 1_000, 2_000};
    static final int[] SCENE_CHECKPOINTS = {300, 1_000};
    static final int SCENES_HELD_OUT = 300;

    private Benchmarks() {}

    public static void main(String[] args) throws Exception {
        Path report = Path.of(args.length > 0 ? args[0] : "docs/PERFORMANCE.md").toAbsolutePath();
        Path work = Path.of(args.length > 1 ? args[1] : "target/bench").toAbsolutePath();
        Set<String> only = Set.of(System.getProperty("flywheel.bench.only", "all").split(","));
        deleteTree(work);
        Files.createDirectories(work);
        long started = System.nanoTime();
        String loadAtStart = Machine.loadAverage();

        Measured<ReplayBench.Result> replay = null;
        if (runs(only, "replay")) {
            replay = Measured.of(() -> new ReplayBench(work).run(CHECKPOINTS));
            System.out.println("replay: " + replay);
        }
        Measured<ScenesBench.Result> scenes = null;
        if (runs(only, "scenes")) {
            scenes = Measured.of(() -> new ScenesBench(work).run(SCENE_CHECKPOINTS, SCENES_HELD_OUT));
            System.out.println("scenes: " + scenes);
        }
        Measured<List<LatencyBench.Result>> latency = null;
        if (runs(only, "latency")) {
            latency = Measured.of(() -> {
                LatencyBench bench = new LatencyBench(work);
                return List.of(bench.runDefaults(200, 40), bench.run(64, 200, 40), bench.run(224, 60, 12));
            });
            latency.result().forEach(r -> System.out.println("latency: " + r));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        Files.createDirectories(report.getParent());
        PerformanceReport rendered = new PerformanceReport(Machine.describe(), latency, replay, scenes, took, loadAtStart);
        Files.writeString(report, Files.exists(report) ? rendered.merge(Files.readString(report)) : rendered.markdown());
        System.out.println("wrote " + report + " after " + took.toSeconds() + " s");
        if (runs(only, "labelissues")) {
            LabelIssueBench.measure(report, work);
            System.out.println("wrote the label-issue section of " + report);
        }
        if (runs(only, "boxissues")) {
            BoxIssueBench.measure(report, work);
            System.out.println("wrote the box-issue section of " + report);
        }
        System.exit(0);
    }

    private static boolean runs(Set<String> only, String bench) {
        return only.contains("all") || only.contains(bench);
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
