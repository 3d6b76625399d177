package dev.flywheel.backend.training;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.Trainer;
import dev.flywheel.backend.analytics.DetectionEvaluation;
import dev.flywheel.backend.analytics.LabeledBox;
import dev.flywheel.backend.inference.Detection;
import dev.flywheel.backend.inference.GridCodec;
import dev.flywheel.backend.inference.GridDetectorNet;
import dev.flywheel.backend.inference.ImageTensors;
import dev.flywheel.backend.inference.LoadedDetector;
import dev.flywheel.backend.inference.NonMaxSuppression;
import dev.flywheel.backend.inference.PixelBox;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * Trains the built-in grid detector from scratch on CPU with DJL and evaluates it on a hold-out split: mAP@0.5,
 * mAP@0.5:0.95, per-class AP and precision/recall at the serving threshold.
 *
 * <p>Images are stretched to the square input (boxes in percent stay valid); every NDArray lives in a per-batch
 * sub-manager.
 */
final class DetectorTrainer {

    /** Hold-out detections are scored after this NMS, as serving does. */
    private static final double IOU_THRESHOLD = 0.45;
    private static final double MIN_CANDIDATE_SCORE = 0.01;
    /**
     * Candidates kept per image (most confident first): far more than an image has objects, so mAP is unaffected,
     * while a manifest's hold-out predictions stay small.
     */
    private static final int MAX_BOXES_PER_IMAGE = 30;

    private final Settings settings;
    private final ImageTensors tensors;

    /**
     * @param inputSize square input edge, a multiple of {@link GridDetectorNet#STRIDE}
     * @param servingThreshold the score threshold precision and recall are reported at
     */
    public record Settings(int inputSize, int batchSize, int epochs, float learningRate, double holdoutFraction, double servingThreshold,
            long seed) {

        public Settings {
            if (inputSize % GridDetectorNet.STRIDE != 0) {
                throw new IllegalArgumentException("the input size must be a multiple of " + GridDetectorNet.STRIDE);
            }
        }
    }

    /** One annotated image: its pixels from {@link ImageTensors#toRgb} and its boxes in percent of the image. */
    public record BoxExample(long taskId, byte[] pixels, List<LabeledBox> boxes) {

        public BoxExample {
            Objects.requireNonNull(pixels, "pixels");
            boxes = List.copyOf(boxes);
        }
    }

    /**
     * What a run produced besides the saved parameters.
     *
     * @param holdoutPredictions per hold-out task, its predicted boxes after NMS (in percent), most confident first
     */
    public record Outcome(DetectionEvaluation.Report holdout, List<Long> trainingIds, List<Long> holdoutIds, List<Double> losses,
            Map<Long, List<LabeledBox>> holdoutPredictions, double seconds) {

        public Outcome {
            trainingIds = List.copyOf(trainingIds);
            holdoutIds = List.copyOf(holdoutIds);
            losses = List.copyOf(losses);
            holdoutPredictions = Collections.unmodifiableMap(new LinkedHashMap<>(holdoutPredictions));
        }
    }

    public DetectorTrainer(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.tensors = new ImageTensors(settings.inputSize());
    }

    /**
     * Trains on {@code examples}, saves the parameters into {@code outputDir} and evaluates on the hold-out split.
     *
     * <p>The split is by a hash of each task id, as the classifier's: a task stays held out as the data grows, so
     * successive versions share their hold-out tasks and can be compared on them.
     */
    public Outcome train(List<BoxExample> examples, List<String> labels, Path outputDir, BooleanSupplier cancelled) {
        return train(examples, labels, outputDir, cancelled, Optional.empty(), () -> false);
    }

    /**
     * Like {@link #train(List, List, Path, BooleanSupplier)}, starting from the parameters of the version in
     * {@code warmStart} (the same detector, labels and input edge), and ending after the current epoch, past the first
     * two, once {@code overtaken} says newer annotations earn the next run.
     */
    public Outcome train(List<BoxExample> examples, List<String> labels, Path outputDir, BooleanSupplier cancelled, Optional<Path> warmStart,
            BooleanSupplier overtaken) {
        long started = System.nanoTime();
        List<BoxExample> training = new ArrayList<>();
        List<BoxExample> holdout = new ArrayList<>();
        split(examples, training, holdout);
        if (training.isEmpty()) {
            throw new IllegalArgumentException("no training images left after the hold-out split");
        }
        List<Double> losses = new ArrayList<>();
        Map<Long, List<LabeledBox>> predicted = new LinkedHashMap<>();
        try (Model model = Model.newInstance("detector-training", "PyTorch")) {
            fit(model, labels, training, holdout, losses, predicted, cancelled, warmStart, overtaken);
            TrainerLoop.save(model, outputDir, LoadedDetector.PARAMS_NAME);
        }
        List<LabeledBox> truth = holdout.stream().flatMap(e -> e.boxes().stream()).toList();
        List<LabeledBox> guesses = predicted.values().stream().flatMap(List::stream).toList();
        DetectionEvaluation.Report report = DetectionEvaluation.evaluate(truth, guesses, settings.servingThreshold());
        return new Outcome(report, training.stream().map(BoxExample::taskId).toList(), holdout.stream().map(BoxExample::taskId).toList(),
                losses, predicted, (System.nanoTime() - started) / 1e9);
    }

    /**
     * Trains a throwaway detector on {@code training} and returns its boxes for {@code evaluate}, per task: the
     * out-of-fold predictions a K-fold audit needs. Nothing is saved.
     */
    public Map<Long, List<LabeledBox>> outOfFold(List<BoxExample> training, List<BoxExample> evaluate, List<String> labels,
            BooleanSupplier cancelled) {
        Map<Long, List<LabeledBox>> predicted = new LinkedHashMap<>();
        try (Model model = Model.newInstance("detector-audit", "PyTorch")) {
            fit(model, labels, training, evaluate, new ArrayList<>(), predicted, cancelled, Optional.empty(), () -> false);
        }
        return predicted;
    }

    private void fit(Model model, List<String> labels, List<BoxExample> training, List<BoxExample> evaluate, List<Double> losses,
            Map<Long, List<LabeledBox>> predicted, BooleanSupplier cancelled, Optional<Path> warmStart, BooleanSupplier overtaken) {
        int size = settings.inputSize();
        GridCodec codec = new GridCodec(size / GridDetectorNet.STRIDE, labels.size());
        // The initial weights come from the engine's generator (PyTorch's, process-wide): seeding it right before the
        // initialisation makes a run repeatable from its settings. Runs happen one at a time on the training worker.
        model.getNDManager().getEngine().setRandomSeed((int) settings.seed());
        model.setBlock(GridDetectorNet.build(labels.size()));
        int steps = settings.epochs() * ((training.size() + settings.batchSize() - 1) / settings.batchSize());
        // Cosine decay, as the classifier's: each run ends on small steps rather than wherever a large one left it.
        try (ScopedAdam adam = new ScopedAdam(ClassifierTrainer.schedule(settings.learningRate(), steps), model.getNDManager());
                Trainer trainer = TrainerLoop.cpuTrainer(model, new GridDetectionLoss(), adam, new Shape(1, 3, size, size))) {
            if (warmStart.isPresent()) {
                WarmStart.copy(warmStart.get(), LoadedDetector.PARAMS_NAME, GridDetectorNet.build(labels.size()), model);
            }
            Random random = new Random(settings.seed());
            List<BoxExample> order = new ArrayList<>(training);
            for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
                Collections.shuffle(order, random);
                losses.add(trainEpoch(trainer, codec, labels, order, cancelled));
                if (epoch >= 2 && epoch < settings.epochs() && overtaken.getAsBoolean()) {
                    break;
                }
            }
            for (BoxExample example : evaluate) {
                predicted.put(example.taskId(), predict(trainer, codec, labels, example));
            }
        }
    }

    /** Hold-out by task hash; with two or more images at least one lands on each side. */
    private void split(List<BoxExample> examples, List<BoxExample> training, List<BoxExample> holdout) {
        List<BoxExample> ordered = new ArrayList<>(examples);
        ordered.sort(Comparator.comparingDouble((BoxExample e) -> HoldoutSplit.position(e.taskId(), settings.seed()))
                .thenComparingLong(BoxExample::taskId));
        int held = (int) ordered.stream().filter(e -> HoldoutSplit.position(e.taskId(), settings.seed()) < settings.holdoutFraction()).count();
        if (settings.holdoutFraction() > 0 && ordered.size() >= 2) {
            held = Math.max(1, Math.min(held, ordered.size() - 1));
        } else {
            held = 0;
        }
        holdout.addAll(ordered.subList(0, held));
        training.addAll(ordered.subList(held, ordered.size()));
    }

    private double trainEpoch(Trainer trainer, GridCodec codec, List<String> labels, List<BoxExample> order, BooleanSupplier cancelled) {
        int size = settings.inputSize();
        int grid = size / GridDetectorNet.STRIDE;
        return TrainerLoop.epoch(trainer, TrainerLoop.batches(order, settings.batchSize()), cancelled, (manager, batch) -> {
            int perImage = 3 * size * size;
            float[] x = new float[batch.size() * perImage];
            for (int i = 0; i < batch.size(); i++) {
                tensors.normalizeInto(batch.get(i).pixels(), x, i * perImage);
            }
            return manager.create(x, new Shape(batch.size(), 3, size, size));
        }, (manager, batch) -> {
            int perTarget = codec.channels() * grid * grid;
            float[] y = new float[batch.size() * perTarget];
            for (int i = 0; i < batch.size(); i++) {
                System.arraycopy(codec.encode(unitBoxes(batch.get(i), labels)), 0, y, i * perTarget, perTarget);
            }
            return manager.create(y, new Shape(batch.size(), codec.channels(), grid, grid));
        }, UnaryOperator.identity());
    }

    private List<LabeledBox> predict(Trainer trainer, GridCodec codec, List<String> labels, BoxExample example) {
        int size = settings.inputSize();
        float[] output;
        try (NDManager manager = trainer.getManager().newSubManager()) {
            NDArray image = manager.create(tensors.normalize(example.pixels()), new Shape(1, 3, size, size));
            output = trainer.evaluate(new NDList(image)).singletonOrThrow().toFloatArray();
        }
        List<Detection> inPercent = codec.decode(output, MIN_CANDIDATE_SCORE).stream()
                .map(d -> new Detection(labels.get(d.classIndex()), d.score(),
                        new PixelBox(d.left() * 100, d.top() * 100, Math.max(0, d.width() * 100), Math.max(0, d.height() * 100)).clampTo(100, 100)))
                .toList();
        return NonMaxSuppression.classWise(inPercent, IOU_THRESHOLD).stream()
                .sorted(Comparator.comparingDouble(Detection::score).reversed())
                .limit(MAX_BOXES_PER_IMAGE)
                .map(d -> new LabeledBox(example.taskId(), d.label(), d.score(), d.box().left(), d.box().top(), d.box().width(), d.box().height()))
                .toList();
    }

    private static List<GridCodec.UnitBox> unitBoxes(BoxExample example, List<String> labels) {
        return example.boxes().stream()
                .filter(b -> labels.contains(b.label()))
                .map(b -> new GridCodec.UnitBox(labels.indexOf(b.label()), b.left() / 100, b.top() / 100, b.width() / 100, b.height() / 100))
                .toList();
    }
}
