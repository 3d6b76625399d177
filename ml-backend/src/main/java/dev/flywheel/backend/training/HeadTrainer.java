package dev.flywheel.backend.training;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import dev.flywheel.backend.inference.BackboneHeadNet;
import dev.flywheel.backend.inference.LoadedClassifier;
import dev.flywheel.backend.kind.RunRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * Trains a {@link BackboneHeadNet} head with DJL on a frozen backbone's features: the same hash-stable hold-out split,
 * epoch selection and early stopping ({@link EpochSelection}) and temperature scaling as the built-in network.
 */
final class HeadTrainer {

    private final Settings settings;

    HeadTrainer(Settings settings) {
        this.settings = settings;
    }

    /**
     * How a head trains.
     *
     * @param batchSize examples per step
     * @param learningRate Adam's step size; a linear layer on normalised features takes larger steps than a CNN
     * @param minEpochs fewest passes before early stopping may end the run
     * @param maxEpochs most passes
     * @param patience passes without a better hold-out accuracy before the run stops
     * @param holdoutFraction share of each class kept out for evaluation and calibration
     * @param seed seed of the split and the shuffles
     */
    record Settings(int batchSize, float learningRate, int minEpochs, int maxEpochs, int patience, double holdoutFraction, long seed) {

        static final float LEARNING_RATE = 0.01f;
        static final int PATIENCE = 10;
        static final int HEAD_EPOCHS_FACTOR = 5;

        Settings {
            if (batchSize < 2 || !(learningRate > 0) || minEpochs < 1 || maxEpochs < minEpochs || patience < 1) {
                throw new IllegalArgumentException("invalid head settings");
            }
        }

        /** The operator's batch size, epoch bounds, hold-out share and seed; the head's own learning rate and patience. */
        static Settings from(TrainingSettings training) {
            // An epoch of a linear head costs next to nothing beside embedding the images once: it gets five times the
            // network's epochs, which a single run on a burst of a few dozen images needs.
            return new Settings(Math.max(2, training.batchSize()), LEARNING_RATE, training.minEpochs(), HEAD_EPOCHS_FACTOR * training.maxEpochs(),
                    PATIENCE, training.holdoutFraction(), training.seed());
        }

        Settings withHoldout(double fraction) {
            return new Settings(batchSize, learningRate, minEpochs, maxEpochs, patience, fraction, seed);
        }

        Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("head", "batchnorm-linear");
            map.put("batch_size", batchSize);
            map.put("learning_rate", learningRate);
            map.put("min_epochs", minEpochs);
            map.put("max_epochs", maxEpochs);
            map.put("patience", patience);
            map.put("holdout_fraction", holdoutFraction);
            map.put("seed", seed);
            map.put("optimizer", "adam");
            return map;
        }
    }

    /**
     * Trains on {@code examples} and saves the head's parameters into {@code outputDir}.
     *
     * @param warmStart a published head (same backbone, labels and dimension) to start from
     * @param cancelled polled between batches; a cancelled run throws {@link TrainingCancelledException}
     */
    TrainingOutcome train(List<EmbeddedExample> examples, int classes, Path outputDir, BooleanSupplier cancelled, Optional<Path> warmStart) {
        long started = System.nanoTime();
        HoldoutSplit.Sides<EmbeddedExample> split = HoldoutSplit.split(examples, EmbeddedExample::taskId, EmbeddedExample::label,
                settings.holdoutFraction(), settings.seed());
        Fitted fitted = fit(split.training(), split.holdout(), classes, cancelled, warmStart, true,
                model -> TrainerLoop.save(model, outputDir, LoadedClassifier.PARAMS_NAME));
        return TrainingOutcome.fromHoldout(split.training(), split.holdout(), EmbeddedExample::taskId, EmbeddedExample::label,
                fitted.logits(), fitted.history(), (System.nanoTime() - started) / 1e9);
    }

    /** Trains on {@code training} only and returns softmax probabilities for {@code evaluate}: one cross-validation fold. */
    List<double[]> outOfFold(List<EmbeddedExample> training, List<EmbeddedExample> evaluate, int classes, BooleanSupplier cancelled) {
        // No epoch selection or early stopping here: both would choose by the fold's own labels and leak them.
        float[][] logits = fit(training, evaluate, classes, cancelled, Optional.empty(), false, model -> {}).logits();
        List<double[]> probabilities = new ArrayList<>(logits.length);
        for (float[] row : logits) {
            probabilities.add(TemperatureScaling.softmax(row, 1.0));
        }
        return probabilities;
    }

    private Fitted fit(List<EmbeddedExample> training, List<EmbeddedExample> evaluate, int classes, BooleanSupplier cancelled,
            Optional<Path> warmStart, boolean selectEpoch, java.util.function.Consumer<Model> whenTrained) {
        if (training.isEmpty()) {
            throw new IllegalArgumentException("no training examples left after the hold-out split");
        }
        int dimension = training.getFirst().embedding().length;
        int batches = Math.max(1, training.size() / settings.batchSize());
        try (Model model = Model.newInstance("head", "PyTorch")) {
            // Seeds the initial weights, as for the network: the same features and settings give the same head.
            model.getNDManager().getEngine().setRandomSeed((int) settings.seed());
            model.setBlock(BackboneHeadNet.build(classes));
            List<EpochStats> history;
            float[][] logits;
            try (ScopedAdam adam = new ScopedAdam(ClassifierTrainer.schedule(settings.learningRate(), settings.maxEpochs() * batches),
                    model.getNDManager());
                    Trainer trainer = TrainerLoop.cpuTrainer(model, Loss.softmaxCrossEntropyLoss(), adam, new Shape(1, dimension))) {
                if (warmStart.isPresent()) {
                    WarmStart.copy(warmStart.get(), BackboneHeadNet.build(classes), model);
                }
                Random random = new Random(settings.seed());
                List<EmbeddedExample> order = new ArrayList<>(training);
                int[] heldOutLabels = labels(evaluate);
                try (EpochSelection selection = new EpochSelection(model, trainer.getManager(), settings.maxEpochs(), settings.minEpochs(),
                        settings.patience())) {
                    history = selection.run(settings.maxEpochs(), selectEpoch, epoch -> {
                        Collections.shuffle(order, random);
                        return trainEpoch(trainer, order, cancelled);
                    }, () -> logits(trainer, evaluate), heldOutLabels, RunRequest.Progress.NONE, () -> false);
                }
                logits = logits(trainer, evaluate);
            }
            whenTrained.accept(model);
            return new Fitted(logits, history);
        }
    }

    /** Hold-out logits and per-epoch history of one fit. */
    private record Fitted(float[][] logits, List<EpochStats> history) {}

    private double trainEpoch(Trainer trainer, List<EmbeddedExample> order, BooleanSupplier cancelled) {
        List<List<EmbeddedExample>> batches = TrainerLoop.batches(order, settings.batchSize());
        // A last batch of one would normalise to zero: it joins the batch before it.
        if (batches.size() > 1 && batches.getLast().size() == 1) {
            batches.removeLast();
            batches.set(batches.size() - 1, order.subList(order.size() - batches.getLast().size() - 1, order.size()));
        }
        return TrainerLoop.epoch(trainer, batches, cancelled, HeadTrainer::features,
                (manager, batch) -> TrainerLoop.classes(manager, batch, EmbeddedExample::label), UnaryOperator.identity());
    }

    private static float[][] logits(Trainer trainer, List<EmbeddedExample> examples) {
        return TrainerLoop.outputs(trainer, examples, 256, HeadTrainer::features, UnaryOperator.identity());
    }

    private static NDArray features(NDManager manager, List<EmbeddedExample> batch) {
        int dimension = batch.getFirst().embedding().length;
        float[] values = new float[batch.size() * dimension];
        for (int i = 0; i < batch.size(); i++) {
            System.arraycopy(batch.get(i).embedding(), 0, values, i * dimension, dimension);
        }
        return manager.create(values, new Shape(batch.size(), dimension));
    }

    private static int[] labels(List<EmbeddedExample> examples) {
        return examples.stream().mapToInt(EmbeddedExample::label).toArray();
    }
}
