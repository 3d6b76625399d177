package dev.flywheel.backend.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywheel.model.api.MovedSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MovedSamplesTest {

    private static final int DIMENSIONS = 16;

    @Test
    void theImagesFarFromEveryTrainingImageComeFirstWithTheirTaskAndTheFeatureThatMovedMost() {
        Random random = new Random(7);
        DriftSample reference = reference(random, 200, 640);
        List<MovedSamples.Served> window = new ArrayList<>();
        for (long task = 1; task <= 40; task++) {
            window.add(served(random, task, 0, 0.3, 640));
        }
        for (long task = 101; task <= 103; task++) {
            window.add(served(random, task, 4, 0.8, 640)); // another camera: brighter, seen differently
        }

        List<MovedSample> moved = MovedSamples.farthest(reference, window, 5);

        assertThat(moved).hasSize(5);
        assertThat(moved.subList(0, 3)).extracting(MovedSample::taskId).containsExactlyInAnyOrder(101L, 102L, 103L);
        assertThat(moved.getFirst().image()).isEqualTo("/data/upload/1/101.png".replace("101", moved.getFirst().taskId().toString()));
        assertThat(moved.getFirst().movedMost()).isEqualTo("brightness");
        assertThat(moved.getFirst().deviations().get("brightness")).as("robust z of a brightness 0.8 against 0.3 ± 0.05").isGreaterThan(5);
        assertThat(moved.getFirst().features().get("brightness")).isCloseTo(0.8, org.assertj.core.data.Offset.offset(0.2));
        assertThat(moved.get(2).distance()).as("several times the training images' own neighbour distance")
                .isGreaterThan(2 * moved.get(3).distance());
        assertThat(moved.get(3).distance()).as("an ordinary image lies about as near as training images lie to each other")
                .isBetween(0.5, 2.0);
    }

    @Test
    void withoutEmbeddingsTheLargestFeatureDeviationRanksAndAFeatureAllTrainingImagesSharedStaysFinite() {
        Random random = new Random(8);
        DriftSample trained = reference(random, 100, 48);
        DriftSample reference = new DriftSample(List.of(), trained.features());
        List<MovedSamples.Served> window = new ArrayList<>();
        window.add(new MovedSamples.Served(1L, null, "2026-01-01T00:00:01Z", new double[0], new ImageFeatures(0.3, 0.2, 48, 48, 1)));
        window.add(new MovedSamples.Served(2L, null, "2026-01-01T00:00:02Z", new double[0], new ImageFeatures(0.3, 0.2, 96, 48, 2)));

        List<MovedSample> moved = MovedSamples.farthest(reference, window, 10);

        assertThat(moved).extracting(MovedSample::taskId).containsExactly(2L, 1L);
        assertThat(moved.getFirst().distance()).isNull();
        assertThat(moved.getFirst().movedMost()).isIn("width", "aspect_ratio");
        assertThat(moved.getFirst().deviations().values()).allMatch(Double::isFinite);
    }

    private static DriftSample reference(Random random, int count, double width) {
        List<double[]> embeddings = new ArrayList<>();
        List<ImageFeatures> features = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            embeddings.add(vector(random, 0));
            features.add(new ImageFeatures(0.3 + 0.05 * random.nextGaussian(), 0.2 + 0.02 * random.nextGaussian(), width, 48, width / 48));
        }
        return new DriftSample(embeddings, features);
    }

    private static MovedSamples.Served served(Random random, long task, double shift, double brightness, double width) {
        return new MovedSamples.Served(task, "/data/upload/1/" + task + ".png", "2026-01-01T00:00:%02dZ".formatted(task % 60),
                vector(random, shift), new ImageFeatures(brightness + 0.05 * random.nextGaussian(), 0.2, width, 48, width / 48));
    }

    private static double[] vector(Random random, double shift) {
        double[] v = new double[DIMENSIONS];
        for (int d = 0; d < DIMENSIONS; d++) {
            v[d] = random.nextGaussian() + shift;
        }
        return v;
    }
}
