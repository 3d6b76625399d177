package dev.flywheel.backend.training;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.tracker.Tracker;
import dev.flywheel.backend.inference.ImageClassifierNet;
import dev.flywheel.backend.inference.ImageTensors;
import dev.flywheel.backend.inference.LoadedClassifier;
import dev.flywheel.backend.kind.RunRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * Trains the built-in classifier on CPU with DJL, evaluates it on a stratified hold-out split and calibrates its scores.
 *
 * <p>Every NDArray lives in a per-batch sub-manager, so memory stays flat across epochs and runs.
 */
public final class ClassifierTrainer {

    /** Fewest epochs without a better hold-out after which a run stops (more in long runs, see EpochSelection). */
    private static final int PATIENCE = 6;

    private final TrainingSettings settings;
    private final ImageTensors tensors;

    public ClassifierTrainer(TrainingSettings settings) {
        this.settings = settings;
        this.tensors = new ImageTensors(settings.inputSize());
    }

    /**
     * Trains on {@code examples} and saves the parameters into {@code outputDir}.
     *
     * @param cancelled polled between batches; a cancelled run throws {@link TrainingCancelledException}
     */
    public TrainingOutcome train(List<Example> examples, int classes, Path outputDir, BooleanSupplier cancelled) {
        return train(examples, classes, outputDir, cancelled, java.util.Optional.empty());
    }

    /**
     * Like {@link #train(List, int, Path, BooleanSupplier)}, starting from the parameters of the version in
     * {@code warmStart} (same network, labels and input size): each run continues where the last one stopped, so the
     * flywheel's many short runs add up to a long one.
     */
    public TrainingOutcome train(List<Example> examples, int classes, Path outputDir, BooleanSupplier cancelled,
            java.util.Optional<Path> warmStart) {
        return train(examples, classes, outputDir, cancelled, warmStart, RunRequest.Progress.NONE, () -> false);
    }

    /**
     * Like {@link #train(List, int, Path, BooleanSupplier, java.util.Optional)}, telling {@code progress} of every epoch;
     * once {@code overtaken} says newer data earns the next run, the run ends after the current epoch (past the fewest
     * epochs) with its best epoch so far.
     */
    public TrainingOutcome train(List<Example> examples, int classes, Path outputDir, BooleanSupplier cancelled,
            java.util.Optional<Path> warmStart, RunRequest.Progress progress, BooleanSupplier overtaken) {
        long started = System.nanoTime();
        HoldoutSplit split = HoldoutSplit.of(examples, settings.holdoutFraction(), settings.seed());
        Fitted fitted = fit(split.training(), split.holdout(), classes, cancelled, warmStart, true, progress, overtaken,
                model -> TrainerLoop.save(model, outputDir, LoadedClassifier.PARAMS_NAME));
        return TrainingOutcome.fromHoldout(split.training(), split.holdout(), Example::taskId, Example::label, fitted.logits(),
                fitted.history(), (System.nanoTime() - started) / 1e9);
    }

    /**
     * Trains on {@code training} only and returns softmax probabilities for {@code evaluate}, which the model never
     * saw: one fold of a cross-validation. Nothing is saved.
     */
    public List<double[]> outOfFold(List<Example> training, List<Example> evaluate, int classes, BooleanSupplier cancelled) {
        // No epoch selection here: choosing by the fold's own labels would leak them into its out-of-fold scores.
        float[][] logits = fit(training, evaluate, classes, cancelled, java.util.Optional.empty(), false,
                RunRequest.Progress.NONE, () -> false, model -> {}).logits();
        List<double[]> probabilities = new ArrayList<>(logits.length);
        for (float[] row : logits) {
            probabilities.add(TemperatureScaling.softmax(row, 1.0));
        }
        return probabilities;
    }

    private Fitted fit(List<Example> training, List<Example> evaluate, int classes, BooleanSupplier cancelled,
            java.util.Optional<Path> warmStart, boolean keepBestEpoch, RunRequest.Progress progress, BooleanSupplier overtaken,
            java.util.function.Consumer<Model> whenTrained) {
        if (training.isEmpty()) {
            throw new IllegalArgumentException("no training examples left after the hold-out split");
        }
        int size = settings.inputSize();
        Random random = new Random(settings.seed());
        BalancedSampler sampler = new BalancedSampler(training, random);
        int epochs = settings.epochsFor(training.size());
        int stepsPerEpoch = (training.size() + settings.batchSize() - 1) / settings.batchSize();
        Tracker schedule = schedule(settings.learningRate(), epochs * stepsPerEpoch);
        try (Model model = Model.newInstance("training", "PyTorch")) {
            // Seeds the engine's generator (initial weights, dropout): the same data and settings give the same version.
            model.getNDManager().getEngine().setRandomSeed((int) settings.seed());
            model.setBlock(ImageClassifierNet.build(classes));
            List<EpochStats> history;
            float[][] logits;
            try (ScopedAdam adam = new ScopedAdam(schedule, model.getNDManager());
                    Trainer trainer = TrainerLoop.cpuTrainer(model, Loss.softmaxCrossEntropyLoss(), adam, new Shape(1, 3, size, size))) {
                if (warmStart.isPresent()) {
                    WarmStart.copy(warmStart.get(), ImageClassifierNet.build(classes), model);
                }
                // Hold-out accuracy swings from epoch to epoch on small data; the version keeps its best epoch and the
                // run stops once the hold-out has not improved for a while.
                int[] heldOutLabels = evaluate.stream().mapToInt(Example::label).toArray();
                try (EpochSelection selection = new EpochSelection(model, trainer.getManager(), epochs, settings.minEpochs(), PATIENCE)) {
                    history = selection.run(epochs, keepBestEpoch, epoch -> trainEpoch(trainer, sampler.nextEpoch(), random, cancelled),
                            () -> logits(trainer, evaluate), heldOutLabels, progress, overtaken);
                }
                logits = logits(trainer, evaluate);
            }
            whenTrained.accept(model);
            return new Fitted(logits, history);
        }
    }

    /** Hold-out logits and per-epoch history of one fit. */
    private record Fitted(float[][] logits, List<EpochStats> history) {}

    private double trainEpoch(Trainer trainer, List<Example> order, Random random, BooleanSupplier cancelled) {
        return TrainerLoop.epoch(trainer, TrainerLoop.batches(order, settings.batchSize()), cancelled,
                (manager, batch) -> images(manager, batch, random), (manager, batch) -> TrainerLoop.classes(manager, batch, Example::label),
                UnaryOperator.identity());
    }

    private float[][] logits(Trainer trainer, List<Example> examples) {
        return TrainerLoop.outputs(trainer, examples, 64, this::images, UnaryOperator.identity());
    }

    private NDArray images(NDManager manager, List<Example> batch) {
        return images(manager, batch, null);
    }

    /** A batch as the network's input; augmented when {@code random} is given (training), as served when null. */
    private NDArray images(NDManager manager, List<Example> batch, Random random) {
        return images(manager, batch, random, settings, tensors);
    }

    /** The input of the built-in network for {@code batch}, for every trainer of it; augmented when {@code random} is given. */
    static NDArray images(NDManager manager, List<Example> batch, Random random, TrainingSettings settings, ImageTensors tensors) {
        int size = settings.inputSize();
        int perImage = 3 * size * size;
        float[] values = new float[batch.size() * perImage];
        for (int i = 0; i < batch.size(); i++) {
            byte[] pixels = batch.get(i).pixels();
            tensors.normalizeInto(random == null || !settings.augmentation().any() ? pixels : settings.augmentation().apply(pixels, size, random),
                    values, i * perImage);
        }
        return manager.create(values, new Shape(batch.size(), 3, size, size));
    }

    /**
     * Cosine decay from {@code learningRate} to a twentieth of it over {@code steps}: each run ends on small steps, so
     * the version it keeps sits in a minimum rather than wherever the last large step left it.
     */
    static Tracker schedule(float learningRate, int steps) {
        return Tracker.cosine().setBaseValue(learningRate).optFinalValue(learningRate / 20).setMaxUpdates(Math.max(1, steps)).build();
    }

    static int argmax(float[] values) {
        int best = 0;
        for (int k = 1; k < values.length; k++) {
            if (values[k] > values[best]) {
                best = k;
            }
        }
        return best;
    }
}
