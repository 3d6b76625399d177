package dev.flywheel.backend.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywheel.backend.analytics.DetectionEvaluation;
import dev.flywheel.backend.analytics.LabeledBox;
import dev.flywheel.backend.inference.Detector;
import dev.flywheel.backend.inference.ImageTensors;
import dev.flywheel.backend.inference.LoadedDetector;
import dev.flywheel.backend.inference.NonMaxSuppression;
import dev.flywheel.backend.it.BoxScenes;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in detector learns boxes of two kinds of shapes from scratch and is scored on images it never saw. */
class DetectorTrainerTest {

    private static final List<String> LABELS = List.of("Square", "Disc");
    private static final int SIZE = BoxScenes.SIZE;

    @TempDir
    Path dir;

    /** A 64x64 scene of one to three shapes on noise; boxes in percent. */
    private record Scene(BufferedImage image, List<LabeledBox> boxes) {}

    private static Scene scene(long taskId, Random random) {
        BufferedImage image = BoxScenes.noise(random);
        Graphics2D g = image.createGraphics();
        List<LabeledBox> boxes = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            int side = 12 + random.nextInt(13);
            int left = random.nextInt(SIZE - side);
            int top = random.nextInt(SIZE - side);
            boolean square = random.nextBoolean();
            BoxScenes.draw(g, square, left, top, side);
            double pct = 100.0 / SIZE;
            boxes.add(LabeledBox.truth(taskId, square ? "Square" : "Disc", left * pct, top * pct, side * pct, side * pct));
        }
        g.dispose();
        return new Scene(image, boxes);
    }

    private static List<DetectorTrainer.BoxExample> examples(int count, Random random) {
        ImageTensors tensors = new ImageTensors(SIZE);
        List<DetectorTrainer.BoxExample> examples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Scene s = scene(i, random);
            examples.add(new DetectorTrainer.BoxExample(i, tensors.toRgb(s.image()), s.boxes()));
        }
        return examples;
    }

    @Test
    void theSameSettingsTrainTheSameDetectorAndAnotherSeedAnotherOne() {
        List<DetectorTrainer.BoxExample> examples = examples(40, new Random(3));
        DetectorTrainer.Settings settings = new DetectorTrainer.Settings(SIZE, 16, 2, 0.003f, 0.2, 0.25, 7L);

        DetectorTrainer.Outcome first = new DetectorTrainer(settings).train(examples, LABELS, dir.resolve("a"), () -> false);
        DetectorTrainer.Outcome again = new DetectorTrainer(settings).train(examples, LABELS, dir.resolve("b"), () -> false);
        DetectorTrainer.Outcome reseeded = new DetectorTrainer(new DetectorTrainer.Settings(SIZE, 16, 2, 0.003f, 0.2, 0.25, 8L))
                .train(examples, LABELS, dir.resolve("c"), () -> false);

        assertThat(again.losses()).isEqualTo(first.losses());
        assertThat(again.holdoutPredictions()).isEqualTo(first.holdoutPredictions());
        assertThat(reseeded.losses()).isNotEqualTo(first.losses());
    }

    @Test
    void aDetectorTrainedOnAnnotatedScenesFindsTheShapesOfHeldOutScenes() {
        List<DetectorTrainer.BoxExample> examples = examples(300, new Random(11));
        DetectorTrainer.Settings settings = new DetectorTrainer.Settings(SIZE, 16, 15, 0.003f, 0.2, 0.25, 7L);

        DetectorTrainer.Outcome outcome = new DetectorTrainer(settings).train(examples, LABELS, dir, () -> false);

        System.out.printf("hold-out mAP@0.5 %.3f, mAP@0.5:0.95 %.3f, per class %s, P %.2f R %.2f, %.1f s, loss %s%n",
                outcome.holdout().map50(), outcome.holdout().map50to95(), outcome.holdout().perClassAp50(),
                outcome.holdout().precision(), outcome.holdout().recall(), outcome.seconds(), outcome.losses());
        assertThat(outcome.holdoutIds()).as("a fifth of the scenes by task hash").hasSizeBetween(45, 75);
        assertThat(outcome.holdoutPredictions().keySet()).containsExactlyInAnyOrderElementsOf(outcome.holdoutIds());
        assertThat(outcome.losses().getLast()).isLessThan(outcome.losses().getFirst());
        assertThat(outcome.holdout().map50()).as("hold-out mAP@0.5").isGreaterThan(0.6);

        // The saved version, loaded as serving loads it, scores as well on scenes no run has seen.
        Random unseen = new Random(99);
        List<LabeledBox> truth = new ArrayList<>();
        List<LabeledBox> predicted = new ArrayList<>();
        try (Detector detector = LoadedDetector.load(dir, "det-test", LABELS, SIZE, 1)) {
            for (long task = 10_000; task < 10_040; task++) {
                Scene fresh = scene(task, unseen);
                truth.addAll(fresh.boxes());
                long id = task;
                NonMaxSuppression.classWise(detector.detect(List.of(fresh.image())).getFirst(), 0.45).forEach(d -> predicted.add(
                        new LabeledBox(id, d.label(), d.score(), d.box().left() * 100 / SIZE, d.box().top() * 100 / SIZE,
                                d.box().width() * 100 / SIZE, d.box().height() * 100 / SIZE)));
            }
        }
        assertThat(DetectionEvaluation.evaluate(truth, predicted, 0.25).map50()).as("mAP@0.5 of the loaded version").isGreaterThan(0.6);
    }
}
