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
import ai.djl.training.optimizer.Optimizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;

/**
 * What every trainer in this package does with DJL's {@link Trainer} the same way: a trainer on the CPU, an epoch of
 * gradient steps over batches, forward passes over batches to one row of outputs per example, and saving what was
 * trained. Each trainer keeps what is its own: the network, its inputs and targets, its loss and how it picks epochs.
 */
final class TrainerLoop {

    private TrainerLoop() {}

    /** The tensor a batch of examples becomes, created on the batch's own manager. */
    @FunctionalInterface
    interface Tensors<T> extends BiFunction<NDManager, List<T>, NDArray> {}

    /** A trainer of {@code model} on the CPU with {@code loss} and {@code optimizer}, initialised for one input of {@code input}. */
    static Trainer cpuTrainer(Model model, Loss loss, Optimizer optimizer, Shape input) {
        Trainer trainer = model.newTrainer(new DefaultTrainingConfig(loss).optOptimizer(optimizer).optDevices(new Device[] {Device.cpu()}));
        trainer.initialize(input);
        return trainer;
    }

    /** {@code items} in consecutive batches of {@code size}, the last one shorter. */
    static <T> List<List<T>> batches(List<T> items, int size) {
        List<List<T>> batches = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            batches.add(items.subList(from, Math.min(items.size(), from + size)));
        }
        return batches;
    }

    /**
     * One epoch: a gradient step per batch, polling {@code cancelled} before each; the mean loss per example.
     *
     * @param scale what the loss becomes before the step (the identity, unless a loss is a mean over more than images)
     * @throws TrainingCancelledException once {@code cancelled} says so
     */
    static <T> double epoch(Trainer trainer, List<List<T>> batches, BooleanSupplier cancelled, Tensors<T> inputs, Tensors<T> targets,
            UnaryOperator<NDArray> scale) {
        double lossSum = 0;
        int examples = 0;
        for (List<T> batch : batches) {
            if (cancelled.getAsBoolean()) {
                throw new TrainingCancelledException();
            }
            try (NDManager manager = trainer.getManager().newSubManager()) {
                NDArray x = inputs.apply(manager, batch);
                NDArray y = targets.apply(manager, batch);
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDList predictions = trainer.forward(new NDList(x));
                    NDArray loss = scale.apply(trainer.getLoss().evaluate(new NDList(y), predictions));
                    collector.backward(loss);
                    lossSum += loss.getFloat() * batch.size();
                }
                trainer.step();
            }
            examples += batch.size();
        }
        return lossSum / examples;
    }

    /** The targets of a softmax cross-entropy: each example's class index. */
    static <T> NDArray classes(NDManager manager, List<T> batch, ToIntFunction<T> label) {
        float[] labels = new float[batch.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = label.applyAsInt(batch.get(i));
        }
        return manager.create(labels);
    }

    /** The network's output for each example, in order, {@code batchSize} per forward pass, after {@code activation}. */
    static <T> float[][] outputs(Trainer trainer, List<T> examples, int batchSize, Tensors<T> inputs, UnaryOperator<NDArray> activation) {
        float[][] result = new float[examples.size()][];
        int from = 0;
        for (List<T> batch : batches(examples, batchSize)) {
            try (NDManager manager = trainer.getManager().newSubManager()) {
                NDArray out = activation.apply(trainer.evaluate(new NDList(inputs.apply(manager, batch))).singletonOrThrow());
                int width = (int) out.getShape().get(1);
                float[] flat = out.toFloatArray();
                for (int i = 0; i < batch.size(); i++) {
                    float[] row = new float[width];
                    System.arraycopy(flat, i * width, row, 0, width);
                    result[from + i] = row;
                }
            }
            from += batch.size();
        }
        return result;
    }

    /** Saves the trained parameters into {@code dir} under {@code prefix}, as the version's loader reads them. */
    static void save(Model model, Path dir, String prefix) {
        try {
            model.save(dir, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the trained parameters into " + dir, e);
        }
    }
}
