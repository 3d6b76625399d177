package dev.flywheel.backend.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flywheel.backend.inference.ImageClassifierNet;
import dev.flywheel.backend.it.ShapeScenes;
import dev.flywheel.backend.inference.ImageTensors;
import dev.flywheel.backend.inference.LoadedClassifier;
import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.model.api.ModelMetrics;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifierTrainerTest {

    private static final List<String> LABELS = ShapeScenes.LABELS;
    /** Shapes sit anywhere in their images: augmentation is on, as it should be for such data. */
    private static final TrainingSettings FAST = new TrainingSettings(32, 16, 0.003f, 3_000, 4, 30, 0.2, 7L, Augmentation.parse("shift,flip"));

    @TempDir
    Path dir;

    @Test
    void learnsSeparableShapesAndTheSavedVersionPredictsTheSameAsTheHoldout() {
        List<Example> examples = shapes(40, new Random(1));

        TrainingOutcome outcome = new ClassifierTrainer(FAST).train(examples, LABELS.size(), dir, () -> false);

        assertThat(outcome.holdoutTaskIds().size()).isBetween(12, 36);
        assertThat(outcome.trainingTaskIds()).hasSize(120 - outcome.holdoutTaskIds().size()).doesNotContainAnyElementsOf(outcome.holdoutTaskIds());
        double correct = 0;
        for (int i = 0; i < outcome.holdoutGiven().length; i++) {
            correct += outcome.holdoutGiven()[i] == outcome.holdoutPredicted()[i] ? 1 : 0;
        }
        assertThat(correct / outcome.holdoutGiven().length).isGreaterThanOrEqualTo(0.9);
        double bestEpoch = outcome.history().stream().mapToDouble(EpochStats::valAccuracy).max().orElseThrow();
        assertThat(correct / outcome.holdoutGiven().length).as("the version keeps its best epoch").isEqualTo(bestEpoch);
        assertThat(outcome.history()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(outcome.history().getLast().loss()).isLessThan(outcome.history().getFirst().loss());
        assertThat(outcome.temperature()).isPositive();

        ModelManifest manifest = new ModelManifest("v1", 1, null, "image_classification", ImageClassifierNet.ARCHITECTURE, 32, LABELS,
                outcome.temperature(), FAST.asMap(), "fp", List.of(), examples.size(), new ModelMetrics(null, null), List.of(), null, List.of(), List.of(), Instant.now().toString(), outcome.seconds());
        try (LoadedClassifier loaded = LoadedClassifier.load(dir, manifest, 1)) {
            List<BufferedImage> fresh = List.of(draw(0, new Random(99)), draw(1, new Random(98)), draw(2, new Random(97)));
            List<float[]> probabilities = loaded.classify(fresh);
            for (int label = 0; label < 3; label++) {
                assertThat(ClassifierTrainer.argmax(probabilities.get(label))).as("fresh %s", LABELS.get(label)).isEqualTo(label);
            }
        }
    }

    @Test
    void aWarmStartedRunBeginsWhereItsParentStopped(@TempDir Path parent, @TempDir Path child) {
        List<Example> examples = shapes(30, new Random(4));
        TrainingSettings oneEpoch = new TrainingSettings(32, 16, 0.003f, 1, 1, 1, 0.2, 7L);
        new ClassifierTrainer(FAST).train(examples, LABELS.size(), parent, () -> false);

        TrainingOutcome cold = new ClassifierTrainer(oneEpoch).train(examples, LABELS.size(), child.resolve("cold"), () -> false);
        TrainingOutcome warm = new ClassifierTrainer(oneEpoch).train(examples, LABELS.size(), child.resolve("warm"), () -> false,
                java.util.Optional.of(parent));

        // Not a tenth: the fresh optimiser's first full-size steps shake the parent's weights before they settle again.
        assertThat(warm.history().getFirst().loss()).isLessThan(cold.history().getFirst().loss() * 0.6);
        assertThat(warm.history().getFirst().valAccuracy()).isGreaterThan(cold.history().getFirst().valAccuracy());
    }

    @Test
    void theSameDataAndSettingsGiveTheSameVersion(@TempDir Path first, @TempDir Path second) throws Exception {
        List<Example> examples = shapes(12, new Random(6));
        TrainingSettings settings = new TrainingSettings(32, 16, 0.003f, 300, 3, 3, 0.2, 11L, Augmentation.parse("shift,flip"));

        TrainingOutcome a = new ClassifierTrainer(settings).train(examples, LABELS.size(), first, () -> false);
        TrainingOutcome b = new ClassifierTrainer(settings).train(examples, LABELS.size(), second, () -> false);

        assertThat(b.history()).extracting(EpochStats::loss, EpochStats::valAccuracy)
                .isEqualTo(a.history().stream().map(e -> org.assertj.core.groups.Tuple.tuple(e.loss(), e.valAccuracy())).toList());
        assertThat(a.history()).allSatisfy(e -> assertThat(e.trainSeconds()).isPositive());
        assertThat(java.nio.file.Files.readAllBytes(second.resolve(LoadedClassifier.PARAMS_NAME + "-0000.params")))
                .isEqualTo(java.nio.file.Files.readAllBytes(first.resolve(LoadedClassifier.PARAMS_NAME + "-0000.params")));
    }

    @Test
    void everyEpochIsReportedWithThePlannedEpochsItsLossAndItsHoldoutAccuracy(@TempDir Path out) {
        List<Example> examples = shapes(12, new Random(9));
        TrainingSettings settings = new TrainingSettings(32, 16, 0.003f, 300, 3, 3, 0.2, 11L);
        List<double[]> reported = new java.util.ArrayList<>();

        TrainingOutcome outcome = new ClassifierTrainer(settings).train(examples, LABELS.size(), out, () -> false, java.util.Optional.empty(),
                (epoch, epochs, loss, accuracy) -> reported.add(new double[] {epoch, epochs, loss, accuracy}), () -> false);

        assertThat(reported).hasSameSizeAs(outcome.history());
        double planned = reported.getFirst()[1];
        assertThat(planned).as("epochs planned").isGreaterThanOrEqualTo(reported.size());
        for (int i = 0; i < reported.size(); i++) {
            EpochStats epoch = outcome.history().get(i);
            assertThat(reported.get(i)).containsExactly(epoch.epoch(), planned, epoch.loss(), epoch.valAccuracy());
        }
    }

    @Test
    void aRunStopsOnceTheHoldoutStopsImproving() {
        List<Example> examples = shapes(20, new Random(8));
        TrainingSettings long_ = new TrainingSettings(32, 16, 0.003f, 100_000, 4, 60, 0.2, 7L);

        TrainingOutcome outcome = new ClassifierTrainer(long_).train(examples, LABELS.size(), dir, () -> false);

        assertThat(outcome.history()).as("separable shapes are learnt long before 60 epochs").hasSizeLessThan(60);
        List<EpochStats> history = outcome.history();
        // 60 planned epochs: patience 12, no stop before epoch 20.
        assertThat(history.size()).isGreaterThanOrEqualTo(20);
        double before = history.subList(0, history.size() - 12).stream().mapToDouble(EpochStats::valAccuracy).max().orElseThrow();
        double last = history.subList(history.size() - 12, history.size()).stream().mapToDouble(EpochStats::valAccuracy).max().orElseThrow();
        assertThat(last).as("the last twelve epochs did not beat the earlier best").isLessThanOrEqualTo(before);
    }

    @Test
    void aCancelledRunStopsWithoutSavingParameters() {
        List<Example> examples = shapes(10, new Random(2));

        assertThatThrownBy(() -> new ClassifierTrainer(FAST).train(examples, LABELS.size(), dir, () -> true))
                .isInstanceOf(TrainingCancelledException.class);
        assertThat(dir.toFile().list()).isEmpty();
    }

    private static List<Example> shapes(int perClass, Random random) {
        ImageTensors tensors = new ImageTensors(32);
        List<Example> examples = new ArrayList<>();
        long id = 1;
        for (int i = 0; i < perClass; i++) {
            for (int label = 0; label < LABELS.size(); label++) {
                examples.add(new Example(id++, tensors.toRgb(draw(label, random)), label));
            }
        }
        return examples;
    }

    private static BufferedImage draw(int label, Random random) {
        return ShapeScenes.image(label, random);
    }
}
