package dev.flywheel.backend.bench;

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
import ai.djl.training.tracker.Tracker;
import dev.flywheel.backend.inference.ImageClassifierNet;
import dev.flywheel.backend.inference.ImageTensors;
import dev.flywheel.backend.training.TrainingSettings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** The plainest DJL training loop on {@link ImageClassifierNet}: the yardstick for Flywheel's training throughput. */
final class BareTrainer {

    private BareTrainer() {}

    /** Images per second over {@code epochs} passes of {@code pixels} (CHW bytes as Flywheel keeps them). */
    static double imagesPerSecond(List<byte[]> pixels, int[] labels, int classes, int epochs, TrainingSettings settings) {
        int size = settings.inputSize();
        ImageTensors tensors = new ImageTensors(size);
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(settings.learningRate())).build())
                .optDevices(new Device[] {Device.cpu()});
        try (Model model = Model.newInstance("bare", "PyTorch")) {
            model.setBlock(ImageClassifierNet.build(classes));
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(1, 3, size, size));
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < pixels.size(); i++) {
                    order.add(i);
                }
                Random random = new Random(settings.seed());
                int perImage = 3 * size * size;
                long start = System.nanoTime();
                for (int epoch = 0; epoch < epochs; epoch++) {
                    Collections.shuffle(order, random);
                    for (int from = 0; from < order.size(); from += settings.batchSize()) {
                        List<Integer> batch = order.subList(from, Math.min(order.size(), from + settings.batchSize()));
                        try (NDManager manager = trainer.getManager().newSubManager()) {
                            float[] values = new float[batch.size() * perImage];
                            float[] y = new float[batch.size()];
                            for (int i = 0; i < batch.size(); i++) {
                                tensors.normalizeInto(pixels.get(batch.get(i)), values, i * perImage);
                                y[i] = labels[batch.get(i)];
                            }
                            NDArray x = manager.create(values, new Shape(batch.size(), 3, size, size));
                            try (GradientCollector collector = trainer.newGradientCollector()) {
                                NDList out = trainer.forward(new NDList(x));
                                collector.backward(trainer.getLoss().evaluate(new NDList(manager.create(y)), out));
                            }
                            trainer.step();
                        }
                    }
                }
                return (double) pixels.size() * epochs / ((System.nanoTime() - start) / 1e9);
            }
        }
    }
}
