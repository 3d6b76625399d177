package dev.flywheel.backend.bench;

import dev.flywheel.backend.inference.ImageTensors;
import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.backend.config.TrainingConfig;
import dev.flywheel.backend.training.TrainingSettings;
import dev.flywheel.fixtures.Tasks;
import dev.flywheel.fixtures.simulator.LabelStudioSimulator;
import dev.flywheel.model.labelstudio.ChoicesRegion;
import dev.flywheel.model.labelstudio.PredictResponse;
import dev.flywheel.model.labelstudio.Prediction;
import dev.flywheel.model.labelstudio.Task;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fashion-MNIST replayed as Label Studio would send it, on the shipped defaults: an annotator labels the train images in
 * file order at {@link FastAnnotator#LABELS_PER_SECOND} (each task opened asks {@code /predict}, each submission sends a
 * webhook); at checkpoints they pause, and the benchmark scores the settled version's pre-labels on a fixed held-out set.
 * A separate session labels {@link #SESSION} tasks without a pause. Last, the settled run's training throughput against a
 * bare loop.
 */
final class ReplayBench {

    static final int HELD_OUT = 1_000;
    /** The labels of the uninterrupted session. */
    static final int SESSION = 600;
    private static final long PROJECT = 9;
    private static final String UID = PROJECT + ".1732870000";
    private static final long TEST_TASKS = 900_000;

    /**
     * One checkpoint: accuracy after {@code annotations}, seconds from the last webhook to the settled version, what the
     * annotator saw since the last checkpoint, and the 1-minute load average when it was scored.
     */
    record Checkpoint(int annotations, String version, int datasetSize, int trainedOn, int epochs, double accuracy, double secondsToActive,
            double secondsToFirstNew, double trainingSeconds, FastAnnotator.Seen seen, String load) {}

    /**
     * @param session the uninterrupted session of {@link #SESSION} labels, on a backend of its own
     * @param flywheelImagesPerSecond training images × epochs / the whole run (hold-out evaluation, calibration, saving)
     * @param flywheelPassImagesPerSecond training images × epochs / the epochs' training passes alone, as the manifest
     *     times them: the work the bare loop does
     * @param throughputLoad the 1-minute load average around the bare loop
     */
    record Result(FastAnnotator.Seen session, String sessionLoad, List<Checkpoint> checkpoints, double ackP50, double ackP99,
            double flywheelImagesPerSecond, double flywheelPassImagesPerSecond, double bareImagesPerSecond, int throughputImages,
            int throughputEpochs, TrainingSettings settings, String throughputLoad) {

        double throughputRatio() {
            return flywheelPassImagesPerSecond / bareImagesPerSecond;
        }

        double wholeRunRatio() {
            return flywheelImagesPerSecond / bareImagesPerSecond;
        }
    }

    private final Path work;

    ReplayBench(Path work) {
        this.work = work;
    }

    /** The session, then the checkpoints, both on a backend started from an environment without settings. */
    Result run(int[] checkpoints) throws Exception {
        int total = checkpoints[checkpoints.length - 1];
        FashionMnist train = FashionMnist.read("train", Math.max(total, SESSION));
        FashionMnist test = FashionMnist.read("t10k", HELD_OUT);
        TrainingSettings settings = TrainingConfig.fromEnvironment(Map.of());
        FastAnnotator.Seen session;
        String sessionLoad;
        try (UploadServer labelStudio = new UploadServer(); BenchBackend backend = BenchBackend.start(work.resolve("session"), Map.of())) {
            LabelStudioSimulator ls = LabelStudioSimulator.of(backend.uri());
            ls.connect(UID, FashionMnist.CONFIG, labelStudio.url(), UploadServer.TOKEN);
            session = new FastAnnotator(ls, train, trainTasks(labelStudio, train, SESSION), 100_000).labelUntil(SESSION);
            sessionLoad = Machine.loadAverage();
            System.out.printf("replay: session of %d labels at %.1f/s saw versions %s, first pre-label at task %d, %d empty after 60%n",
                    SESSION, session.labelsPerSecond(), session.versions(), session.firstPrelabel(), session.emptyAfter60());
        }
        List<Double> acks = new ArrayList<>();
        List<Checkpoint> results = new ArrayList<>();
        ModelManifest last;
        try (UploadServer labelStudio = new UploadServer(); BenchBackend backend = BenchBackend.start(work.resolve("replay"), Map.of())) {
            List<Task> trainTasks = trainTasks(labelStudio, train, total);
            List<Task> testTasks = new ArrayList<>();
            for (int i = 0; i < HELD_OUT; i++) {
                testTasks.add(Tasks.imageTask(TEST_TASKS + i, labelStudio.upload(PROJECT, "test-" + i + ".png", test.png(i))));
            }
            LabelStudioSimulator ls = LabelStudioSimulator.of(backend.uri());
            ls.connect(UID, FashionMnist.CONFIG, labelStudio.url(), UploadServer.TOKEN);
            FastAnnotator annotator = new FastAnnotator(ls, train, trainTasks, 100_000);
            String previous = null;
            for (int checkpoint : checkpoints) {
                FastAnnotator.Seen seen = annotator.labelUntil(checkpoint);
                long lastWebhook = System.nanoTime();
                acks.addAll(seen.ackMillis());
                BenchBackend.Settled settled = backend.awaitSettled(PROJECT, previous, Duration.ofMinutes(10), checkpoint);
                previous = settled.version();
                ModelManifest manifest = backend.manifest(PROJECT, settled.version());
                double accuracy = accuracy(ls, testTasks, test, settled.version());
                results.add(new Checkpoint(checkpoint, settled.version(), manifest.datasetSize(), manifest.trainedOn(), manifest.history().size(),
                        accuracy, Math.max(0, settled.activeSinceNanos() - lastWebhook) / 1e9,
                        Math.max(0, settled.firstChangeNanos() - lastWebhook) / 1e9, manifest.trainingSeconds(), seen, Machine.loadAverage()));
                System.out.printf("replay: %d annotations -> %s, accuracy %.3f, %.1f s to active, versions seen %s%n", checkpoint,
                        settled.version(), accuracy, results.getLast().secondsToActive(), seen.versions());
            }
            last = backend.manifest(PROJECT, previous);
        }
        // The bare loop runs once the backend is closed: PyTorch allows one gradient collector per process, and the
        // backend's audit may still be training folds.
        double flywheel = (double) last.trainedOn() * last.history().size() / last.trainingSeconds();
        double passes = last.history().stream().mapToDouble(e -> e.trainSeconds() == null ? Double.NaN : e.trainSeconds()).sum();
        double flywheelPasses = (double) last.trainedOn() * last.history().size() / passes;
        ImageTensors tensors = new ImageTensors(settings.inputSize());
        List<byte[]> pixels = new ArrayList<>();
        int[] labels = new int[last.trainingSet().size()];
        for (ModelManifest.TrainingExample example : last.trainingSet()) {
            int index = (int) example.taskId() - 1;
            labels[pixels.size()] = train.label(index);
            pixels.add(tensors.toRgb(train.image(index)));
        }
        double bare = BareTrainer.imagesPerSecond(pixels, labels, FashionMnist.LABELS.size(), last.history().size(), settings);
        return new Result(session, sessionLoad, results, Stats.percentile(acks, 50), Stats.percentile(acks, 99), flywheel, flywheelPasses, bare,
                pixels.size(), last.history().size(), settings, Machine.loadAverage());
    }

    private static List<Task> trainTasks(UploadServer labelStudio, FashionMnist train, int count) {
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tasks.add(Tasks.imageTask(1 + i, labelStudio.upload(PROJECT, "train-" + i + ".png", train.png(i))));
        }
        return tasks;
    }

    /** Share of held-out images whose pre-label, from {@code /predict} in batches of 32, is their true class. */
    private static double accuracy(LabelStudioSimulator ls, List<Task> tasks, FashionMnist test, String version) {
        int correct = 0;
        for (int from = 0; from < tasks.size(); from += 32) {
            List<Task> batch = tasks.subList(from, Math.min(tasks.size(), from + 32));
            PredictResponse reply = ls.predict(batch).body();
            if (!version.equals(reply.modelVersion())) {
                throw new IllegalStateException("predicted with " + reply.modelVersion() + ", expected " + version);
            }
            for (int i = 0; i < batch.size(); i++) {
                Prediction prediction = reply.predictions().get(i);
                if (!prediction.result().isEmpty() && prediction.result().getFirst() instanceof ChoicesRegion region
                        && region.value().labels().getFirst().equals(FashionMnist.LABELS.get(test.label(from + i)))) {
                    correct++;
                }
            }
        }
        return (double) correct / tasks.size();
    }
}
