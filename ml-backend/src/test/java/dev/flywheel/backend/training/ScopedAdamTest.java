package dev.flywheel.backend.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Flywheel's Adam takes DJL's steps and frees its moments when closed. */
class ScopedAdamTest {

    private static final float[] INPUT = {0.5f, -1f, 2f, 0.25f, 1.5f, -0.75f, 0f, 1f};
    private static final float[] LABELS = {1, 0};

    @Test
    void takesTheSameStepsAsDjlsAdam() {
        float[][] djl = trainedWeights(model -> Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.05f)).build(), 5);
        float[][] scoped = trainedWeights(model -> new ScopedAdam(Tracker.fixed(0.05f), model.getNDManager()), 5);

        float[][] untrained = trainedWeights(model -> new ScopedAdam(Tracker.fixed(0.05f), model.getNDManager()), 0);
        assertThat(scoped[0]).as("the weights moved").isNotEqualTo(untrained[0]);
        for (int i = 0; i < djl.length; i++) {
            assertThat(scoped[i]).containsExactly(djl[i], offset(1e-6f));
        }
    }

    @Test
    void closingReleasesEveryMomentAndNothingElse() {
        try (Model model = Model.newInstance("adam-test", "PyTorch")) {
            model.setBlock(block());
            ScopedAdam adam = new ScopedAdam(Tracker.fixed(0.05f), model.getNDManager());
            try (Trainer trainer = model.newTrainer(config(adam))) {
                trainer.initialize(new Shape(1, 4));
                step(trainer, 3);
                List<NDArray> live = model.getNDManager().getManagedArrays().stream().filter(a -> !a.isReleased()).toList();

                adam.close();

                // Exactly two moments (mean and variance) per parameter go: they were allocated under the model's
                // manager rather than detached from it, as DJL's optimizers do, which let them outlive every run.
                int parameters = model.getBlock().getParameters().size();
                assertThat(live.stream().filter(NDArray::isReleased)).hasSize(2 * parameters);
                assertThat(model.getBlock().getParameters().values()).extracting(Parameter::getArray)
                        .noneMatch(NDArray::isReleased);
            }
        }
    }

    /** Weights after {@code steps} steps on a fixed batch from the same seeded start. */
    private static float[][] trainedWeights(Function<Model, Optimizer> optimizer, int steps) {
        try (Model model = Model.newInstance("adam-test", "PyTorch")) {
            model.getNDManager().getEngine().setRandomSeed(11);
            model.setBlock(block());
            Optimizer chosen = optimizer.apply(model);
            try (Trainer trainer = model.newTrainer(config(chosen))) {
                trainer.initialize(new Shape(1, 4));
                step(trainer, steps);
                return model.getBlock().getParameters().stream().map(Pair::getValue)
                        .map(p -> p.getArray().toFloatArray()).toArray(float[][]::new);
            } finally {
                if (chosen instanceof ScopedAdam scoped) {
                    scoped.close();
                }
            }
        }
    }

    private static void step(Trainer trainer, int steps) {
        for (int i = 0; i < steps; i++) {
            try (NDManager batch = trainer.getManager().newSubManager()) {
                NDArray x = batch.create(INPUT, new Shape(2, 4));
                NDArray y = batch.create(LABELS);
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    collector.backward(trainer.getLoss().evaluate(new NDList(y), trainer.forward(new NDList(x))));
                }
                trainer.step();
            }
        }
    }

    private static SequentialBlock block() {
        return new SequentialBlock().add(Linear.builder().setUnits(3).build());
    }

    private static DefaultTrainingConfig config(Optimizer optimizer) {
        return new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(optimizer)
                .optDevices(new Device[] {Device.cpu()});
    }
}
