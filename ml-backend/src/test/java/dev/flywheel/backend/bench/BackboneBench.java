package dev.flywheel.backend.bench;

import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.backend.training.TrainingPolicy;
import dev.flywheel.backend.training.TrainingSettings;
import dev.flywheel.fixtures.Annotations;
import dev.flywheel.fixtures.Tasks;
import dev.flywheel.fixtures.simulator.LabelStudioSimulator;
import dev.flywheel.model.labelstudio.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the embedding cache saves: Fashion-MNIST annotated by webhook into a backend with {@code FLYWHEEL_BACKBONE},
 * then Start Training three times: after the first annotations (every image through the backbone), after 10 % more
 * (only those), and with nothing new (none). Prints a Markdown table; the figures in {@code docs/backbone.md} come
 * from it.
 *
 * <p>The backbone is the operator's file in {@code FLYWHEEL_BACKBONE}, e.g. the random-weight ResNet-18 of
 * {@code make_resnet18_backbone.py} (timing only: random features say nothing about accuracy):
 * {@code FLYWHEEL_BACKBONE=/tmp/resnet18_random.pt ./mvnw -B -Pbench -pl ml-backend -am verify -DskipTests
 * -Dbench.main=dev.flywheel.backend.bench.BackboneBench}
 */
public final class BackboneBench {

    private static final long PROJECT = 11;
    private static final int FIRST = 600;
    private static final int MORE = 60;

    private BackboneBench() {}

    public static void main(String[] args) throws Exception {
        String backbone = System.getenv("FLYWHEEL_BACKBONE");
        if (backbone == null) {
            throw new IllegalStateException("set FLYWHEEL_BACKBONE to the TorchScript backbone to time");
        }
        Path work = Path.of(args.length > 1 ? args[1] : "target/bench").toAbsolutePath().resolve("backbone");
        Benchmarks.deleteTree(work);
        Files.createDirectories(work);
        FashionMnist train = FashionMnist.read("train", FIRST + MORE);
        // Runs only on Start Training, so each row is one run over a known set of annotations.
        TrainingPolicy manual = new TrainingPolicy(Integer.MAX_VALUE, Integer.MAX_VALUE, 1.0);
        List<String> rows = new ArrayList<>();
        String loadAtStart = Machine.loadAverage();
        try (UploadServer labelStudio = new UploadServer();
                BenchBackend backend = BenchBackend.tuned(work, TrainingSettings.defaults(), manual, Map.of("FLYWHEEL_BACKBONE", backbone))) {
            List<Task> tasks = new ArrayList<>();
            for (int i = 0; i < FIRST + MORE; i++) {
                tasks.add(Tasks.imageTask(1 + i, labelStudio.upload(PROJECT, "train-" + i + ".png", train.png(i))));
            }
            LabelStudioSimulator ls = LabelStudioSimulator.of(backend.uri());
            ls.connect(PROJECT + ".1732870000", FashionMnist.CONFIG, labelStudio.url(), UploadServer.TOKEN);
            String previous = null;
            int annotated = 0;
            for (int target : new int[] {FIRST, FIRST + MORE, FIRST + MORE}) {
                for (; annotated < target; annotated++) {
                    Task task = tasks.get(annotated);
                    ls.annotate(task, Annotations.choice(100_000 + annotated, task.id(), FashionMnist.LABELS.get(train.label(annotated))));
                }
                long start = System.nanoTime();
                ls.startTraining();
                BenchBackend.Settled settled = backend.awaitSettled(PROJECT, previous, Duration.ofMinutes(20));
                previous = settled.version();
                ModelManifest manifest = backend.manifest(PROJECT, settled.version());
                String row = String.format("| %s | %d | %d | %d | %.1f | %.1f |", manifest.version(), manifest.datasetSize(),
                        manifest.backbone().embeddedImages(), manifest.backbone().cachedImages(), manifest.trainingSeconds(),
                        (settled.activeSinceNanos() - start) / 1e9);
                System.out.println("backbone: " + row);
                rows.add(row);
            }
        }
        System.out.println();
        Machine machine = Machine.describe();
        System.out.println("Backbone " + Path.of(backbone).getFileName() + ", " + machine.cores() + " cores (" + machine.cpu() + "), "
                + machine.jdk() + ", one DJL thread; load average at start " + loadAtStart + ", at end " + Machine.loadAverage());
        System.out.println();
        System.out.println("| version | images | embedded | from cache | run seconds | Start Training → active, s |");
        System.out.println("|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }
}
