package dev.flywheel.backend.bench;

import dev.flywheel.backend.inference.ImageTensors;
import dev.flywheel.backend.inference.LoadedClassifier;
import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.backend.config.TrainingConfig;
import dev.flywheel.backend.training.TrainingSettings;
import dev.flywheel.fixtures.Annotations;
import dev.flywheel.fixtures.Tasks;
import dev.flywheel.fixtures.simulator.LabelStudioSimulator;
import dev.flywheel.fixtures.simulator.Reply;
import dev.flywheel.model.labelstudio.PredictRequest;
import dev.flywheel.model.labelstudio.PredictResponse;
import dev.flywheel.model.labelstudio.Task;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * {@code /predict} latency per image through the real server, against the same {@link LoadedClassifier} on the same
 * decoded images. A small version is trained per input size through webhooks, so the real registry and store serve it.
 */
final class LatencyBench {

    private static final int TRAIN = 64;
    private static final int EVAL = 96;

    /** Per-image milliseconds, p50 and p95, end to end and bare, plus where the rest of the time goes. */
    record Result(boolean defaults, int inputSize, String version, int trainedOn, int epochs,
            double e2eB1p50, double e2eB1p95, double e2eB32p50, double e2eB32p95,
            double bareB1p50, double bareB1p95, double bareB32p50, double bareB32p95,
            double decodeMs, double preprocessMs) {

        double ratioB32() {
            return e2eB32p50 / bareB32p50;
        }

        double ratioB1() {
            return e2eB1p50 / bareB1p50;
        }
    }

    private final Path work;
    private final FashionMnist train = FashionMnist.read("train", TRAIN);
    private final FashionMnist eval = FashionMnist.read("t10k", EVAL);

    /**
     * The settings this benchmark gives, as environment variables: the input size measured, a version trained in
     * seconds (three epochs), and no cross-validation audit training five folds beside the measurement.
     */
    static Map<String, String> settings(int inputSize) {
        return Map.of("FLYWHEEL_TRAINING_INPUT_SIZE", Integer.toString(inputSize), "FLYWHEEL_TRAINING_IMAGE_BUDGET", "1",
                "FLYWHEEL_TRAINING_MAX_EPOCHS", "3", "FLYWHEEL_AUDIT_FOLDS", "0");
    }

    LatencyBench(Path work) {
        this.work = work;
    }

    /** The shipped defaults: the default input size, the version trained on all 64 images, its audit done before measuring. */
    Result runDefaults(int requestsB1, int requestsB32) throws Exception {
        return run(Map.of(), requestsB1, requestsB32);
    }

    /** With {@link #settings(int)} for {@code inputSize}. */
    Result run(int inputSize, int requestsB1, int requestsB32) throws Exception {
        return run(settings(inputSize), requestsB1, requestsB32);
    }

    private Result run(Map<String, String> env, int requestsB1, int requestsB32) throws Exception {
        boolean defaults = env.isEmpty();
        TrainingSettings settings = TrainingConfig.fromEnvironment(env);
        int inputSize = settings.inputSize();
        long project = (defaults ? 10 : 20) + inputSize;
        String uid = project + ".1732870000";
        try (UploadServer labelStudio = new UploadServer();
                BenchBackend backend = BenchBackend.start(work.resolve("latency-" + (defaults ? "defaults" : inputSize)), env)) {
            LabelStudioSimulator ls = LabelStudioSimulator.of(backend.uri());
            ls.connect(uid, FashionMnist.CONFIG, labelStudio.url(), UploadServer.TOKEN);
            for (int i = 0; i < TRAIN; i++) {
                Task task = Tasks.imageTask(1 + i, labelStudio.upload(project, "train-" + i + ".png", train.png(i)));
                ls.annotate(task, Annotations.choice(10_000 + i, task.id(), FashionMnist.LABELS.get(train.label(i))));
            }
            String version = backend.awaitSettled(project, null, Duration.ofMinutes(5), TRAIN).version();
            if (defaults) {
                // The audit trains its folds right after the version settles; a user's steady state is after it.
                backend.awaitAudit(project, version, Duration.ofMinutes(10));
            }
            ModelManifest manifest = backend.manifest(project, version);

            List<Task> tasks = new ArrayList<>();
            List<byte[]> pngs = new ArrayList<>();
            for (int i = 0; i < EVAL; i++) {
                pngs.add(eval.png(i));
                tasks.add(Tasks.imageTask(5_000 + i, labelStudio.upload(project, "eval-" + i + ".png", pngs.get(i))));
            }
            // Warm-up: downloads land in Flywheel's disk cache, the version is loaded, the JIT has seen every path.
            for (int round = 0; round < 3; round++) {
                for (int from = 0; from < EVAL; from += 32) {
                    predict(ls, uid, tasks.subList(from, from + 32), version);
                }
            }
            List<BufferedImage> decoded = new ArrayList<>();
            for (byte[] png : pngs) {
                decoded.add(ImageIO.read(new ByteArrayInputStream(png)));
            }
            int downloads = labelStudio.served();
            List<Double> e2eB1 = new ArrayList<>();
            List<Double> e2eB32 = new ArrayList<>();
            List<Double> bareB1 = new ArrayList<>();
            List<Double> bareB32 = new ArrayList<>();
            double decodeMs;
            double preprocessMs;
            LoadedClassifier classifier = LoadedClassifier.load(backend.versionDir(project, version), manifest, 1);
            try {
                for (int round = 0; round < 3; round++) {
                    classifier.classify(decoded);
                }
                // Server and bare calls alternate, so both see the same load on a machine shared with other work.
                for (int r = 0; r < requestsB1; r++) {
                    int at = r % EVAL;
                    e2eB1.add(predict(ls, uid, tasks.subList(at, at + 1), version));
                    bareB1.add(bare(classifier, decoded.subList(at, at + 1)));
                }
                for (int r = 0; r < requestsB32; r++) {
                    int from = (r * 32) % EVAL;
                    e2eB32.add(predict(ls, uid, tasks.subList(from, from + 32), version) / 32);
                    bareB32.add(bare(classifier, decoded.subList(from, from + 32)) / 32);
                }
                decodeMs = decodeMillis(pngs);
                preprocessMs = preprocessMillis(decoded, inputSize);
            } finally {
                classifier.close();
            }
            if (labelStudio.served() != downloads) {
                throw new IllegalStateException("images were downloaded again during the measurement: the disk cache was missed");
            }
            return new Result(defaults, inputSize, version, manifest.trainedOn(), manifest.history().size(),
                    Stats.percentile(e2eB1, 50), Stats.percentile(e2eB1, 95), Stats.percentile(e2eB32, 50), Stats.percentile(e2eB32, 95),
                    Stats.percentile(bareB1, 50), Stats.percentile(bareB1, 95), Stats.percentile(bareB32, 50), Stats.percentile(bareB32, 95),
                    decodeMs, preprocessMs);
        }
    }

    /** One timed {@code POST /predict} (Label Studio's /health and /setup before it are not timed). */
    private static double predict(LabelStudioSimulator ls, String uid, List<Task> tasks, String version) throws IOException {
        PredictRequest body = PredictRequest.batch(tasks, uid, FashionMnist.CONFIG);
        long start = System.nanoTime();
        Reply<String> reply = ls.raw("predict", body);
        double millis = Stats.millis(System.nanoTime() - start);
        PredictResponse parsed = BenchBackend.MAPPER.readValue(reply.rawBody(), PredictResponse.class);
        if (reply.status() != 200 || !version.equals(parsed.modelVersion()) || parsed.predictions().size() != tasks.size()
                || parsed.predictions().stream().anyMatch(p -> p.result().isEmpty())) {
            throw new IllegalStateException("unexpected /predict answer " + reply.status() + ": " + reply.rawBody());
        }
        return millis;
    }

    private static double bare(LoadedClassifier classifier, List<BufferedImage> images) {
        long start = System.nanoTime();
        classifier.classify(images);
        return Stats.millis(System.nanoTime() - start);
    }

    private static double decodeMillis(List<byte[]> pngs) throws IOException {
        long start = System.nanoTime();
        for (int round = 0; round < 5; round++) {
            for (byte[] png : pngs) {
                ImageIO.read(new ByteArrayInputStream(png));
            }
        }
        return Stats.millis(System.nanoTime() - start) / (5.0 * pngs.size());
    }

    private static double preprocessMillis(List<BufferedImage> images, int size) {
        ImageTensors tensors = new ImageTensors(size);
        for (BufferedImage image : images) {
            tensors.toChw(image);
        }
        long start = System.nanoTime();
        for (int round = 0; round < 5; round++) {
            for (BufferedImage image : images) {
                tensors.toChw(image);
            }
        }
        return Stats.millis(System.nanoTime() - start) / (5.0 * images.size());
    }
}
