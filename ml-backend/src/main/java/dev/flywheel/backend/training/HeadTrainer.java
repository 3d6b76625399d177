package dev.flywheel.backend.training;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import dev.flywheel.backend.inference.BackboneHeadNet;
import dev.flywheel.backend.kind.RunRequest;
import dev.flywheel.backend.inference.LoadedClassifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.BooleanSupplier;

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
        Fitted fitted = fit(split.training(), split.holdout(), classes, cancelled, warmStart, true, model -> {
            try {
                model.save(outputDir, LoadedClassifier.PARAMS_NAME);
            } catch (IOException e) {
                throw new UncheckedIOException("could not save the trained head", e);
            }
        });
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
                    Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                            .optOptimizer(adam).optDevices(new Device[] {Device.cpu()}))) {
                trainer.initialize(new Shape(1, dimension));
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
        double lossSum = 0;
        int batchSize = settings.batchSize();
        int from = 0;
        while (from < order.size()) {
            if (cancelled.getAsBoolean()) {
                throw new TrainingCancelledException();
            }
            int to = Math.min(order.size(), from + batchSize);
            // A last batch of one would normalise to zero: it joins the batch before it.
            if (order.size() - to == 1) {
                to = order.size();
            }
            List<EmbeddedExample> batch = order.subList(from, to);
            try (NDManager manager = trainer.getManager().newSubManager()) {
                NDArray x = features(manager, batch);
                float[] labels = new float[batch.size()];
                for (int i = 0; i < labels.length; i++) {
                    labels[i] = batch.get(i).label();
                }
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDList predictions = trainer.forward(new NDList(x));
                    NDArray loss = trainer.getLoss().evaluate(new NDList(manager.create(labels)), predictions);
                    collector.backward(loss);
                    lossSum += loss.getFloat() * batch.size();
                }
                trainer.step();
            }
            from = to;
        }
        return lossSum / order.size();
    }

    private static float[][] logits(Trainer trainer, List<EmbeddedExample> examples) {
        float[][] result = new float[examples.size()][];
        int batchSize = 256;
        for (int from = 0; from < examples.size(); from += batchSize) {
            List<EmbeddedExample> batch = examples.subList(from, Math.min(examples.size(), from + batchSize));
            try (NDManager manager = trainer.getManager().newSubManager()) {
                NDArray out = trainer.evaluate(new NDList(features(manager, batch))).singletonOrThrow();
                int classes = (int) out.getShape().get(1);
                float[] flat = out.toFloatArray();
                for (int i = 0; i < batch.size(); i++) {
                    float[] row = new float[classes];
                    System.arraycopy(flat, i * classes, row, 0, classes);
                    result[from + i] = row;
                }
            }
        }
        return result;
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
