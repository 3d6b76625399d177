package dev.flywheel.backend.bench;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.flywheel.backend.inference.ImageClassifierNet;
import dev.flywheel.backend.inference.ImageTensors;
import dev.flywheel.backend.inference.LoadedClassifier;
import dev.flywheel.backend.training.Augmentation;
import dev.flywheel.backend.training.ClassifierTrainer;
import dev.flywheel.backend.training.Example;
import dev.flywheel.backend.training.TrainingOutcome;
import dev.flywheel.backend.training.TrainingSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The classifier's learning curve on Fashion-MNIST without the server: a chain of warm-started runs on the first 200,
 * 600, 1,000 and 2,000 training images, each scored on 1,000 test images. For tuning the trainer in seconds rather than
 * replaying webhooks; the replay in {@link ReplayBench} gives the figures that count. {@code -Dexperiment.augment=shift,flip}
 * tries augmentation; {@code -Dexperiment.budget}, {@code .maxEpochs}, {@code .holdout} and {@code .rate} other settings.
 *
 * <p>{@code ./mvnw -B -Pbench -pl ml-backend -am verify -DskipTests -Dbench.main=dev.flywheel.backend.bench.LearningExperiment}
 */
public final class LearningExperiment {

    private LearningExperiment() {}

    public static void main(String[] args) throws Exception {
        TrainingSettings defaults = TrainingSettings.defaults();
        // -Dexperiment.budget, .maxEpochs, .holdout, .rate try other settings than the defaults.
        TrainingSettings settings = new TrainingSettings(defaults.inputSize(), defaults.batchSize(),
                Float.parseFloat(System.getProperty("experiment.rate", Float.toString(defaults.learningRate()))),
                Integer.getInteger("experiment.budget", defaults.imageBudget()), defaults.minEpochs(),
                Integer.getInteger("experiment.maxEpochs", defaults.maxEpochs()),
                Double.parseDouble(System.getProperty("experiment.holdout", Double.toString(defaults.holdoutFraction()))), defaults.seed());
        ImageTensors tensors = new ImageTensors(settings.inputSize());
        FashionMnist train = FashionMnist.read("train", 2000);
        FashionMnist test = FashionMnist.read("t10k", 1000);
        List<Example> all = new ArrayList<>();
        for (int i = 0; i < train.size(); i++) {
            all.add(new Example(i + 1, tensors.toRgb(train.image(i)), train.label(i)));
        }
        List<byte[]> testPixels = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            testPixels.add(tensors.toRgb(test.image(i)));
        }
        chain(settings.withAugmentation(Augmentation.parse(System.getProperty("experiment.augment", "none"))), all, testPixels, test,
                tensors);
    }

    private static void chain(TrainingSettings settings, List<Example> all, List<byte[]> testPixels, FashionMnist test, ImageTensors tensors)
            throws Exception {
        ClassifierTrainer trainer = new ClassifierTrainer(settings);
        Path root = Files.createTempDirectory("learning");
        Optional<Path> parent = Optional.empty();
        for (int n : new int[] {200, 600, 1000, 2000}) {
            Path dir = root.resolve("n" + n);
            Files.createDirectories(dir);
            long start = System.nanoTime();
            TrainingOutcome outcome = trainer.train(all.subList(0, n), FashionMnist.LABELS.size(), dir, () -> false, parent);
            double seconds = (System.nanoTime() - start) / 1e9;
            double accuracy = testAccuracy(dir, testPixels, test, tensors);
            var last = outcome.history().get(outcome.history().size() - 1);
            int agree = 0;
            for (int i = 0; i < outcome.holdoutGiven().length; i++) {
                agree += outcome.holdoutGiven()[i] == outcome.holdoutPredicted()[i] ? 1 : 0;
            }
            System.out.printf("n=%d epochs=%d last-loss=%.3f holdout=%.3f test=%.3f time=%.1fs%n", n, outcome.history().size(),
                    last.loss(), (double) agree / Math.max(1, outcome.holdoutGiven().length), accuracy, seconds);
            parent = Optional.of(dir);
        }
    }

    private static double testAccuracy(Path dir, List<byte[]> pixels, FashionMnist test, ImageTensors tensors) throws Exception {
        int size = tensors.size();
        try (Model model = Model.newInstance("eval", "PyTorch"); NDManager manager = NDManager.newBaseManager()) {
            model.setBlock(ImageClassifierNet.build(FashionMnist.LABELS.size()));
            model.load(dir, LoadedClassifier.PARAMS_NAME);
            float[] values = new float[pixels.size() * 3 * size * size];
            for (int i = 0; i < pixels.size(); i++) {
                tensors.normalizeInto(pixels.get(i), values, i * 3 * size * size);
            }
            NDArray x = manager.create(values, new Shape(pixels.size(), 3, size, size));
            NDArray out = model.getBlock().forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow();
            long[] predicted = out.argMax(1).toLongArray();
            int correct = 0;
            for (int i = 0; i < predicted.length; i++) {
                if (predicted[i] == test.label(i)) {
                    correct++;
                }
            }
            return (double) correct / predicted.length;
        }
    }
}
