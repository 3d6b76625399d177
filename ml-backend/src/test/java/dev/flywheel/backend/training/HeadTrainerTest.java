package dev.flywheel.backend.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywheel.backend.config.BackboneConfig;
import dev.flywheel.backend.image.ImageSource;
import dev.flywheel.backend.inference.Backbone;
import dev.flywheel.backend.inference.BackboneHeadNet;
import dev.flywheel.backend.inference.LoadedClassifier;
import dev.flywheel.backend.it.ShapeScenes;
import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.model.api.ModelMetrics;
import java.awt.image.BufferedImage;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A head on the tiny backbone of {@code make_tiny_backbone.py}: embedding through the cache, training, serving. */
class HeadTrainerTest {

    private static final List<String> LABELS = ShapeScenes.LABELS;
    private static final TrainingSettings SETTINGS = new TrainingSettings(32, 16, 0.003f, 3_000, 4, 60, 0.2, 7L);

    private static Backbone backbone;
    private static ExecutorService fetch;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadBackbone() throws URISyntaxException {
        backbone = Backbone.load(Path.of(HeadTrainerTest.class.getResource("/backbone/tiny_backbone.pt").toURI()), 64,
                BackboneConfig.IMAGENET_MEAN, BackboneConfig.IMAGENET_STD, 2);
        fetch = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void close() {
        backbone.close();
        fetch.shutdownNow();
    }

    @Test
    void aRetrainEmbedsOnlyTheImagesTheCacheHasNot() {
        Scenes scenes = new Scenes(60, 11);
        BackboneEmbedder embedder = new BackboneEmbedder(backbone, new EmbeddingCache(dir, backbone.embeddingKey()),
                new DatasetAssembler(scenes, fetch));

        BackboneEmbedder.Embedded first = embedder.embed(1, scenes.tasks(0, 45), () -> false);
        int loadsAfterFirst = scenes.loads.get();
        BackboneEmbedder.Embedded second = embedder.embed(1, scenes.tasks(0, 60), () -> false);

        assertThat(first.embedded()).isEqualTo(45);
        assertThat(first.cached()).isZero();
        assertThat(second.embedded()).isEqualTo(15);
        assertThat(second.cached()).isEqualTo(45);
        assertThat(scenes.loads.get() - loadsAfterFirst).as("images fetched by the retrain").isEqualTo(15);
        assertThat(second.examples()).extracting(EmbeddedExample::taskId).isSorted().hasSize(60);
        assertThat(second.examples().getFirst().embedding()).containsExactly(first.examples().getFirst().embedding());
        assertThat(second.examples().getFirst().features()).isEqualTo(first.examples().getFirst().features());
    }

    @Test
    void aHeadLearnsTheShapesAndTheSavedVersionServesThemThroughTheBackbone() {
        Scenes scenes = new Scenes(120, 1);
        List<EmbeddedExample> examples = embedded(scenes, 120);

        HeadTrainer.Settings upTo300 = new HeadTrainer.Settings(16, HeadTrainer.Settings.LEARNING_RATE, 4, 300, HeadTrainer.Settings.PATIENCE,
                0.2, 7L);
        TrainingOutcome outcome = new HeadTrainer(upTo300).train(examples, LABELS.size(), dir, () -> false, Optional.empty());

        assertThat(outcome.holdoutTaskIds().size()).isBetween(12, 36);
        assertThat(outcome.trainingTaskIds()).doesNotContainAnyElementsOf(outcome.holdoutTaskIds());
        double accuracy = accuracy(outcome);
        assertThat(accuracy).isGreaterThanOrEqualTo(0.9);
        double bestEpoch = outcome.history().stream().mapToDouble(EpochStats::valAccuracy).max().orElseThrow();
        assertThat(accuracy).as("the version keeps its best epoch").isEqualTo(bestEpoch);
        assertThat(outcome.history()).as("early stopping ends the run before the cap").hasSizeLessThan(300).hasSizeGreaterThanOrEqualTo(4);
        assertThat(outcome.temperature()).isPositive();

        try (LoadedClassifier loaded = LoadedClassifier.load(dir, manifest(outcome, backbone.sha256()), 1, Optional.of(backbone))) {
            List<BufferedImage> fresh = List.of(ShapeScenes.image(0, new Random(99)), ShapeScenes.image(1, new Random(98)),
                    ShapeScenes.image(2, new Random(97)));
            var outputs = loaded.predict(fresh);
            for (int label = 0; label < 3; label++) {
                assertThat(ClassifierTrainer.argmax(outputs.get(label).probabilities())).as("fresh %s", LABELS.get(label)).isEqualTo(label);
                float[] expected = backbone.embed(List.of(fresh.get(label))).getFirst();
                assertThat(outputs.get(label).embedding()).as("the embedding is the backbone's").hasSize(16)
                        .containsExactly(expected, org.assertj.core.data.Offset.offset(1e-5f));
            }
        }
    }

    @Test
    void aWarmStartedHeadBeginsWhereItsParentStopped(@TempDir Path parent) {
        List<EmbeddedExample> examples = embedded(new Scenes(60, 4), 60);
        HeadTrainer.Settings oneEpoch = new HeadTrainer.Settings(16, HeadTrainer.Settings.LEARNING_RATE, 1, 1, 1, 0.2, 7L);
        new HeadTrainer(HeadTrainer.Settings.from(SETTINGS)).train(examples, LABELS.size(), parent, () -> false, Optional.empty());

        TrainingOutcome cold = new HeadTrainer(oneEpoch).train(examples, LABELS.size(), dir.resolve("cold"), () -> false, Optional.empty());
        TrainingOutcome warm = new HeadTrainer(oneEpoch).train(examples, LABELS.size(), dir.resolve("warm"), () -> false, Optional.of(parent));

        assertThat(warm.history().getFirst().loss()).isLessThan(cold.history().getFirst().loss() * 0.5);
        assertThat(warm.history().getFirst().valAccuracy()).isGreaterThan(cold.history().getFirst().valAccuracy());
    }

    @Test
    void aHeadIsServedOnlyWithTheBackboneItWasTrainedOn() {
        ModelManifest elsewhere = manifest(accuracyFree(), "0".repeat(64));

        assertThat(BackboneHeadNet.servingProblem(elsewhere, Optional.of(backbone))).hasValueSatisfying(problem ->
                assertThat(problem).contains("v1", "sha256:000000000000", "tiny_backbone.pt"));
        assertThat(BackboneHeadNet.servingProblem(elsewhere, Optional.empty())).hasValueSatisfying(problem ->
                assertThat(problem).contains("FLYWHEEL_BACKBONE is not set"));
        assertThat(BackboneHeadNet.servingProblem(manifest(accuracyFree(), backbone.sha256()), Optional.of(backbone))).isEmpty();
    }

    private List<EmbeddedExample> embedded(Scenes scenes, int count) {
        return new BackboneEmbedder(backbone, new EmbeddingCache(dir.resolve("cache"), backbone.embeddingKey()), new DatasetAssembler(scenes, fetch))
                .embed(1, scenes.tasks(0, count), () -> false).examples();
    }

    private static double accuracy(TrainingOutcome outcome) {
        double correct = 0;
        for (int i = 0; i < outcome.holdoutGiven().length; i++) {
            correct += outcome.holdoutGiven()[i] == outcome.holdoutPredicted()[i] ? 1 : 0;
        }
        return correct / outcome.holdoutGiven().length;
    }

    private static TrainingOutcome accuracyFree() {
        return new TrainingOutcome(List.of(), List.of(), new int[0], new int[0], List.of(), 1.0, List.of(), 0);
    }

    private static ModelManifest manifest(TrainingOutcome outcome, String sha256) {
        return new ModelManifest("v1", 1, null, "image_classification", BackboneHeadNet.ARCHITECTURE, 64, LABELS, outcome.temperature(),
                Map.of(), "fp", List.of(), 0, new ModelMetrics(null, null), List.of(), null, List.of(), List.of(), Instant.now().toString(), 0, null,
                new ModelManifest.BackboneSummary(sha256, "tiny_backbone.pt", 64, BackboneConfig.IMAGENET_MEAN, BackboneConfig.IMAGENET_STD, 16, 0, 0));
    }

    /** Shape scenes served by reference, class {@code task % 3}, counting every image load. */
    private static final class Scenes implements ImageSource {

        final AtomicInteger loads = new AtomicInteger();
        private final Map<String, BufferedImage> images = new ConcurrentHashMap<>();

        Scenes(int count, long seed) {
            Random random = new Random(seed);
            for (int task = 0; task < count; task++) {
                images.put("scene-" + task + ".png", ShapeScenes.image(task % 3, random));
            }
        }

        List<DatasetAssembler.LabeledTask> tasks(int from, int to) {
            List<DatasetAssembler.LabeledTask> tasks = new ArrayList<>();
            for (int task = from; task < to; task++) {
                tasks.add(new DatasetAssembler.LabeledTask(task, 1000 + task, "scene-" + task + ".png", task % 3, LABELS.get(task % 3)));
            }
            return tasks;
        }

        @Override
        public BufferedImage load(long project, Long taskId, String reference) {
            loads.incrementAndGet();
            return images.get(reference);
        }
    }
}
