package dev.flywheel.backend.bench;

import dev.flywheel.backend.analytics.DetectionEvaluation;
import dev.flywheel.backend.analytics.LabeledBox;
import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.fixtures.Annotations;
import dev.flywheel.fixtures.Regions;
import dev.flywheel.fixtures.Tasks;
import dev.flywheel.fixtures.simulator.LabelStudioSimulator;
import dev.flywheel.fixtures.simulator.Reply;
import dev.flywheel.model.labelstudio.PredictResponse;
import dev.flywheel.model.labelstudio.Prediction;
import dev.flywheel.model.labelstudio.RectangleLabelsRegion;
import dev.flywheel.model.labelstudio.Region;
import dev.flywheel.model.labelstudio.Task;
import dev.flywheel.model.labelstudio.WebhookResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Object detection on Fashion-MNIST scenes replayed as Label Studio would send them: boxed scenes annotated by webhook,
 * mAP of the pre-labels on held-out scenes at checkpoints, the time from the last webhook to the new version, and
 * {@code /predict} latency per image.
 */
final class ScenesBench {

    private static final long PROJECT = 11;
    private static final String UID = PROJECT + ".1732870000";
    private static final long HELD_OUT_TASKS = 800_000;
    private static final int BATCH = 10;
    private static final int LATENCY_REQUESTS = 100;

    /** One checkpoint: mAP after {@code annotations}, and seconds from the last webhook to the settled version. */
    record Checkpoint(int annotations, String version, int datasetSize, int trainedOn, int epochs, double map50, double map50to95,
            double precision, double recall, double holdoutMap50, double secondsToFirstNew, double secondsToActive, double trainingSeconds,
            double predictBatchP50, double predictSingleP50, double predictSingleP95, int inputSize, String load) {}

    /** The checkpoints, and the hyperparameters the detector chose for the last one (recorded in its manifest). */
    record Result(List<Checkpoint> checkpoints, int heldOut, int heldOutBoxes, java.util.Map<String, Object> hyperparameters) {}

    private final Path work;

    ScenesBench(Path work) {
        this.work = work;
    }

    /** On a backend started from an environment without settings: the detector's defaults choose for themselves. */
    Result run(int[] checkpoints, int heldOut) throws Exception {
        int total = checkpoints[checkpoints.length - 1];
        FashionScenes trainScenes = new FashionScenes(FashionMnist.read("train", total * 4), 1);
        FashionScenes testScenes = new FashionScenes(FashionMnist.read("t10k", heldOut * 4), 2);
        List<Checkpoint> results = new ArrayList<>();
        List<LabeledBox> truth = new ArrayList<>();
        java.util.Map<String, Object> hyperparameters = java.util.Map.of();
        try (UploadServer labelStudio = new UploadServer(); BenchBackend backend = BenchBackend.start(work.resolve("scenes"), java.util.Map.of())) {
            List<Task> trainTasks = new ArrayList<>();
            List<List<FashionScenes.Box>> trainBoxes = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                FashionScenes.Scene scene = trainScenes.next();
                trainTasks.add(Tasks.imageTask(1 + i, labelStudio.upload(PROJECT, "scene-" + i + ".png", scene.png())));
                trainBoxes.add(scene.boxes());
            }
            List<Task> testTasks = new ArrayList<>();
            for (int i = 0; i < heldOut; i++) {
                FashionScenes.Scene scene = testScenes.next();
                Task task = Tasks.imageTask(HELD_OUT_TASKS + i, labelStudio.upload(PROJECT, "held-out-" + i + ".png", scene.png()));
                testTasks.add(task);
                scene.boxes().forEach(b -> truth.add(LabeledBox.truth(task.id(), b.label(), b.x(), b.y(), b.width(), b.height())));
            }
            LabelStudioSimulator ls = LabelStudioSimulator.of(backend.uri());
            ls.connect(UID, FashionScenes.CONFIG, labelStudio.url(), UploadServer.TOKEN);

            String previous = null;
            int next = 0;
            for (int checkpoint : checkpoints) {
                long lastWebhook = 0;
                for (; next < checkpoint; next++) {
                    Task task = trainTasks.get(next);
                    List<Region> regions = new ArrayList<>();
                    List<FashionScenes.Box> boxes = trainBoxes.get(next);
                    for (int b = 0; b < boxes.size(); b++) {
                        FashionScenes.Box box = boxes.get(b);
                        regions.add(Regions.box("r" + b, box.label(), box.x(), box.y(), box.width(), box.height(), FashionScenes.SIZE,
                                FashionScenes.SIZE));
                    }
                    Reply<WebhookResponse> ack = ls.annotate(task, Annotations.of(200_000 + next, task.id(), regions));
                    lastWebhook = System.nanoTime();
                    if (ack.status() != 201) {
                        throw new IllegalStateException("webhook answered " + ack.status());
                    }
                }
                BenchBackend.Settled settled = backend.awaitSettled(PROJECT, previous, Duration.ofMinutes(30), checkpoint);
                previous = settled.version();
                ModelManifest manifest = backend.manifest(PROJECT, settled.version());
                List<Double> batchMillis = new ArrayList<>();
                List<LabeledBox> predicted = predict(ls, testTasks, settled.version(), BATCH, batchMillis);
                DetectionEvaluation.Report report = DetectionEvaluation.evaluate(truth, predicted, 0.25);
                // Single-image requests on scenes whose images the evaluation pass already cached: model time, not downloads.
                List<Double> singleMillis = new ArrayList<>();
                predict(ls, testTasks.subList(0, Math.min(LATENCY_REQUESTS, testTasks.size())), settled.version(), 1, singleMillis);
                results.add(new Checkpoint(checkpoint, settled.version(), manifest.datasetSize(), manifest.trainedOn(), manifest.history().size(),
                        report.map50(), report.map50to95(), report.precision(), report.recall(),
                        manifest.metrics().map50() == null ? Double.NaN : manifest.metrics().map50(),
                        Math.max(0, settled.firstChangeNanos() - lastWebhook) / 1e9, Math.max(0, settled.activeSinceNanos() - lastWebhook) / 1e9,
                        manifest.trainingSeconds(), Stats.percentile(batchMillis, 50), Stats.percentile(singleMillis, 50),
                        Stats.percentile(singleMillis, 95), manifest.inputSize(), Machine.loadAverage()));
                hyperparameters = manifest.hyperparameters();
                System.out.println("scenes: " + results.getLast());
            }
        }
        return new Result(results, heldOut, truth.size(), hyperparameters);
    }

    /** The pre-labels of {@code tasks} from {@code /predict} in batches, as boxes; per-image milliseconds into {@code millis}. */
    private static List<LabeledBox> predict(LabelStudioSimulator ls, List<Task> tasks, String version, int batchSize, List<Double> millis) {
        List<LabeledBox> boxes = new ArrayList<>();
        for (int from = 0; from < tasks.size(); from += batchSize) {
            List<Task> batch = tasks.subList(from, Math.min(tasks.size(), from + batchSize));
            long start = System.nanoTime();
            PredictResponse reply = ls.predict(batch).body();
            millis.add(Stats.millis(System.nanoTime() - start) / batch.size());
            if (!version.equals(reply.modelVersion())) {
                throw new IllegalStateException("predicted with " + reply.modelVersion() + ", expected " + version);
            }
            for (int i = 0; i < batch.size(); i++) {
                Prediction prediction = reply.predictions().get(i);
                for (Region region : prediction.result()) {
                    if (region instanceof RectangleLabelsRegion box) {
                        RectangleLabelsRegion.Value v = box.value();
                        boxes.add(new LabeledBox(batch.get(i).id(), v.labels().getFirst(), box.header().score(), v.x(), v.y(), v.width(), v.height()));
                    }
                }
            }
        }
        return boxes;
    }

    /** A quick run outside Maven: checkpoints and held-out scenes as arguments. */
    public static void main(String[] args) throws Exception {
        int[] checkpoints = java.util.Arrays.stream(args[0].split(",")).mapToInt(Integer::parseInt).toArray();
        Result result = new ScenesBench(Path.of("target/bench-scenes-trial")).run(checkpoints, Integer.parseInt(args[1]));
        System.out.println(result);
        System.exit(0);
    }
}
