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
    static final int[] SCENE_CHECKPOINTS = {200, 1_000};
    static final int SCENES_HELD_OUT = 300;
    /**
     * The detector's input edge for the 128×128 scenes: 96 px (a 12×12 grid) keeps items of 18–42 px and trains in
     * about half the time of 128 px, which on two shared cores ran at 13 images/s.
     */
    static final int SCENE_INPUT = 96;
    static final int SCENE_IMAGE_BUDGET = 12_000;

    private Benchmarks() {}

    public static void main(String[] args) throws Exception {
        Path report = Path.of(args.length > 0 ? args[0] : "docs/PERFORMANCE.md").toAbsolutePath();
        Path work = Path.of(args.length > 1 ? args[1] : "target/bench").toAbsolutePath();
        java.util.Set<String> only = java.util.Set.of(System.getProperty("flywheel.bench.only", "all").split(","));
        deleteTree(work);
        Files.createDirectories(work);
        long started = System.nanoTime();
        String loadAtStart = Machine.loadAverage();

        List<LatencyBench.Result> latency = List.of();
        if (only.contains("all") || only.contains("latency")) {
            LatencyBench bench = new LatencyBench(work);
            latency = List.of(bench.run(64, 200, 40), bench.run(224, 60, 12));
            latency.forEach(r -> System.out.println("latency: " + r));
        }
        ReplayBench.Result replay = null;
        if (only.contains("all") || only.contains("replay")) {
            replay = new ReplayBench(work).run(CHECKPOINTS, TrainingSettings.defaults(), TrainingPolicy.defaults());
            System.out.println("replay: " + replay);
        }
        ScenesBench.Result scenes = null;
        if (only.contains("all") || only.contains("scenes")) {
            scenes = new ScenesBench(work).run(SCENE_CHECKPOINTS, SCENES_HELD_OUT, sceneSettings(SCENE_INPUT, SCENE_IMAGE_BUDGET),
                    TrainingPolicy.defaults());
            System.out.println("scenes: " + scenes);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        Files.createDirectories(report.getParent());
        PerformanceReport rendered = new PerformanceReport(Machine.describe(), latency, replay, scenes, took, loadAtStart);
        if (only.equals(java.util.Set.of("scenes")) && Files.exists(report)) {
            // Alone, the scenes replace their own section and leave the other figures of the report as they were.
            Files.writeString(report, PerformanceReport.replaceSection(Files.readString(report), PerformanceReport.SCENES_HEADING,
                    rendered.scenesSection()));
        } else {
            String markdown = rendered.markdown();
            if (scenes == null && Files.exists(report)) {
                // The scenes take longest; a run without them keeps their last figures, which carry their own date.
                String previous = PerformanceReport.section(Files.readString(report), PerformanceReport.SCENES_HEADING);
                if (!previous.isEmpty()) {
                    markdown = PerformanceReport.replaceSection(markdown, PerformanceReport.SCENES_HEADING, previous);
                }
            }
            if (Files.exists(report)) {
                // ReplicaBench runs on its own (several JVMs and a PostgreSQL); its section keeps its own date.
                String replicas = PerformanceReport.section(Files.readString(report), ReplicaBench.HEADING);
                if (!replicas.isEmpty()) {
                    markdown = PerformanceReport.replaceSection(markdown, ReplicaBench.HEADING, replicas);
                }
            }
            Files.writeString(report, markdown);
        }
        System.out.println("wrote " + report + " after " + took.toSeconds() + " s");
        System.exit(0);
    }

    /**
     * Training settings for the scenes: the classifier defaults' learning rate, hold-out share and seed, a larger input
     * (boxes need the detail) and image budget (a detector needs more passes than a classifier), batches of 16.
     */
    static TrainingSettings sceneSettings(int inputSize, int imageBudget) {
        TrainingSettings defaults = TrainingSettings.defaults();
        return new TrainingSettings(inputSize, 16, defaults.learningRate(), imageBudget, defaults.minEpochs(), 60, defaults.holdoutFraction(),
                defaults.seed());
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
