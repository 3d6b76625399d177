package dev.flywheel.backend.training;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import dev.flywheel.backend.analytics.MultiLabelReport;
import dev.flywheel.backend.inference.ImageClassifierNet;
import dev.flywheel.backend.inference.ImageTensors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Trains the built-in CNN as a multi-label classifier: one sigmoid per label and binary cross-entropy summed over the
 * labels, so each tag is learned on its own and an image may have any number of them.
 *
 * <p>Every NDArray of a batch lives in a sub-manager, as in {@link ClassifierTrainer}.
 */
final class TagTrainer {

    private final TrainingSettings settings;
    private final ImageTensors tensors;

    TagTrainer(TrainingSettings settings) {
        this.settings = settings;
        this.tensors = new ImageTensors(settings.inputSize());
    }

    /** An example with its tags, one target per label (1 present, 0 absent). */
    record Tagged(Example example, float[] targets) {}

    /**
     * The fitted network's tag probabilities for {@code evaluate} and the epochs' history.
     *
     * @param probabilities per example of {@code evaluate}, per label
     */
    record Fitted(double[][] probabilities, List<EpochStats> history) {}

    /**
     * Trains on {@code training}, starting from {@code warmStart}'s parameters when given, and scores {@code evaluate}
     * after every epoch (the share it tags exactly right at one half is the history's hold-out accuracy); {@code whenTrained} receives the
     * network at the end, to save it.
     */
    Fitted fit(List<Tagged> training, List<Tagged> evaluate, int labels, BooleanSupplier cancelled, Optional<Path> warmStart,
            Consumer<Model> whenTrained) {
        if (training.isEmpty()) {
            throw new IllegalArgumentException("no training examples left after the hold-out split");
        }
        int size = settings.inputSize();
        Random random = new Random(settings.seed());
        int epochs = settings.epochsFor(training.size());
        int stepsPerEpoch = (training.size() + settings.batchSize() - 1) / settings.batchSize();
        try (Model model = Model.newInstance("training", "PyTorch")) {
            model.getNDManager().getEngine().setRandomSeed((int) settings.seed());
            model.setBlock(ImageClassifierNet.build(labels));
            List<EpochStats> history = new ArrayList<>();
            double[][] probabilities;
            try (ScopedAdam adam = new ScopedAdam(ClassifierTrainer.schedule(settings.learningRate(), epochs * stepsPerEpoch), model.getNDManager());
                    Trainer trainer = TrainerLoop.cpuTrainer(model, Loss.sigmoidBinaryCrossEntropyLoss(), adam, new Shape(1, 3, size, size))) {
                warmStart.ifPresent(dir -> WarmStart.copy(dir, ImageClassifierNet.build(labels), model));
                List<Tagged> order = new ArrayList<>(training);
                for (int epoch = 1; epoch <= epochs; epoch++) {
                    long started = System.nanoTime();
                    Collections.shuffle(order, random);
                    double loss = trainEpoch(trainer, order, labels, random, cancelled);
                    double seconds = (System.nanoTime() - started) / 1e9;
                    history.add(new EpochStats(epoch, loss, exactMatch(evaluate, probabilities(trainer, evaluate)), seconds));
                }
                probabilities = probabilities(trainer, evaluate);
            }
            whenTrained.accept(model);
            return new Fitted(probabilities, history);
        }
    }

    private double trainEpoch(Trainer trainer, List<Tagged> order, int labels, Random random, BooleanSupplier cancelled) {
        // DJL's loss is the mean over every (image, label); times the labels it is the per-image sum.
        return TrainerLoop.epoch(trainer, TrainerLoop.batches(order, settings.batchSize()), cancelled,
                (manager, batch) -> images(manager, batch, random), (manager, batch) -> targets(manager, batch, labels), loss -> loss.mul(labels));
    }

    private static NDArray targets(NDManager manager, List<Tagged> batch, int labels) {
        float[] targets = new float[batch.size() * labels];
        for (int i = 0; i < batch.size(); i++) {
            System.arraycopy(batch.get(i).targets(), 0, targets, i * labels, labels);
        }
        return manager.create(targets, new Shape(batch.size(), labels));
    }

    private double[][] probabilities(Trainer trainer, List<Tagged> examples) {
        float[][] sigmoids = TrainerLoop.outputs(trainer, examples, 64, (manager, batch) -> images(manager, batch, null), Activation::sigmoid);
        double[][] result = new double[sigmoids.length][];
        for (int i = 0; i < sigmoids.length; i++) {
            result[i] = new double[sigmoids[i].length];
            for (int j = 0; j < sigmoids[i].length; j++) {
                result[i][j] = sigmoids[i][j];
            }
        }
        return result;
    }

    private static double exactMatch(List<Tagged> examples, double[][] probabilities) {
        if (examples.isEmpty()) {
            return 0;
        }
        int labels = probabilities[0].length;
        boolean[][] given = new boolean[examples.size()][labels];
        for (int i = 0; i < given.length; i++) {
            for (int j = 0; j < labels; j++) {
                given[i][j] = examples.get(i).targets()[j] > 0.5f;
            }
        }
        double[] half = new double[labels];
        java.util.Arrays.fill(half, 0.5);
        return MultiLabelReport.of(java.util.Collections.nCopies(labels, "tag"), given, probabilities, half).exactMatch();
    }

    private NDArray images(NDManager manager, List<Tagged> batch, Random random) {
        return ClassifierTrainer.images(manager, batch.stream().map(Tagged::example).toList(), random, settings, tensors);
    }
}
