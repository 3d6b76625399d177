package dev.flywheel.backend.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flywheel.backend.analytics.DriftHistory;
import dev.flywheel.backend.analytics.ImageFeatures;
import dev.flywheel.backend.analytics.MovedSamples;
import dev.flywheel.backend.registry.DriftReference;
import dev.flywheel.backend.registry.DriftReferences;
import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.backend.registry.ModelRegistry;
import dev.flywheel.backend.store.ProjectDefinition;
import dev.flywheel.backend.store.RunResult;
import dev.flywheel.backend.store.ServedSample;
import dev.flywheel.backend.store.SqliteStore;
import dev.flywheel.model.api.DriftPoint;
import dev.flywheel.model.api.DriftReport;
import dev.flywheel.model.api.FeatureDrift;
import dev.flywheel.model.api.ModelMetrics;
import dev.flywheel.model.json.FlywheelJson;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftInsightsTest {

    private static final long PROJECT = 5;
    private static final String VERSION = "v1-d";
    private static final int DIMENSIONS = 128;

    @TempDir
    Path home;

    private SqliteStore store;
    private DriftInsights insights;

    @BeforeEach
    void aVersionWithAReferenceOf500Images() {
        store = SqliteStore.openInHome(home, Clock.systemUTC());
        store.projects().save(new ProjectDefinition(PROJECT, "p", "<View/>", List.of("a", "b"), "image_classification"));
        ModelRegistry registry = new ModelRegistry(home.resolve("models"), FlywheelJson.newMapper());
        DriftReferences references = new DriftReferences(registry, FlywheelJson.newMapper());
        Path staging = registry.stage(PROJECT, VERSION);
        Random random = new Random(1);
        List<float[]> embeddings = new ArrayList<>();
        List<ImageFeatures> features = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            embeddings.add(vector(random, 0));
            features.add(features(random, 0.3));
        }
        references.write(staging, new DriftReference(VERSION, embeddings, features));
        registry.publish(staging, new ModelManifest(VERSION, PROJECT, null, "image_classification", "flywheel-cnn-v1", 32, List.of("a", "b"),
                1.0, Map.of(), "none", List.of(), 0, new ModelMetrics(null, null), List.of(), null, List.of(), List.of(),
                Instant.now().toString(), 0.0));
        store.runs().queue(PROJECT, VERSION, Optional.empty());
        store.runs().start(PROJECT, VERSION, 0);
        store.runs().finish(PROJECT, VERSION, new RunResult(500, 500, "{}", "x"));
        store.runs().activate(PROJECT, VERSION);
        insights = new DriftInsights(store, references);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void fewerServedImagesThanTheMinimumIsInsufficientDataNotAVerdict() {
        serve(DriftInsights.MIN_SAMPLES - 1, 0, 0.3, new Random(2));

        assertThatThrownBy(() -> insights.drift(PROJECT))
                .isInstanceOfSatisfying(InsufficientDataException.class, e -> assertThat(e.fields()).containsEntry("samples", "19"));
    }

    @Test
    void imagesLikeTheTrainingOnesAreNotDriftedAndTwoThousandAreAnsweredWithinASecondOfCpu() {
        serve(2_000, 0, 0.3, new Random(3));

        // CPU time of this thread, which does all the work: wall time on a shared CI machine measures its neighbours.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long started = threads.getCurrentThreadCpuTime();
        DriftReport report = insights.drift(PROJECT);
        double seconds = (threads.getCurrentThreadCpuTime() - started) / 1e9;
        assertThat(report.drifted()).isFalse();
        assertThat(report.referenceVersion()).isEqualTo(VERSION);
        assertThat(report.window().samples()).isEqualTo(2_000);
        assertThat(report.pValue()).isGreaterThan(0.05);
        assertThat(report.history()).hasSize(DriftHistory.MAX_WINDOWS);
        assertThat(report.moved()).hasSize(MovedSamples.LIMIT);
        assertThat(seconds).isLessThan(1.0);
    }

    @Test
    void brighterImagesWithShiftedEmbeddingsDriftAndSayWhichFeature() {
        serve(200, 0.5, 0.7, new Random(4));

        DriftReport report = insights.drift(PROJECT);

        assertThat(report.drifted()).isTrue();
        assertThat(report.pValue()).isLessThan(0.05);
        assertThat(report.perFeature()).filteredOn(f -> f.feature().equals("brightness")).singleElement()
                .extracting(FeatureDrift::drifted).isEqualTo(true);
    }

    @Test
    void theHistoryShowsWhenTheImagesBeganToMoveAndTheMovedSamplesAreTheNewOnesWithTheirTasks() {
        serve(100, 0, 0.3, new Random(7), 1);
        serve(100, 0.5, 0.7, new Random(8), 1001);

        DriftReport report = insights.drift(PROJECT);

        assertThat(report.history()).hasSize(10);
        assertThat(report.history().subList(0, 5)).as("the first half, like the training images").noneMatch(DriftPoint::drifted);
        assertThat(report.history().subList(5, 10)).as("the second half, brighter").allMatch(DriftPoint::drifted);
        assertThat(report.history()).extracting(DriftPoint::samples).containsOnly(20L);
        assertThat(Instant.parse(report.history().getLast().to())).isEqualTo(Instant.parse(report.window().to()));
        assertThat(report.moved()).hasSize(MovedSamples.LIMIT).allSatisfy(m -> {
            assertThat(m.taskId()).isGreaterThanOrEqualTo(1001L);
            assertThat(m.image()).isEqualTo("/data/upload/5/" + m.taskId() + ".png");
            assertThat(m.movedMost()).isEqualTo("brightness");
        });
    }

    @Test
    void aRepeatedRequestOnAnUnchangedWindowIsServedFromTheCacheAndANewImageRecomputes() {
        serve(50, 0, 0.3, new Random(5));

        DriftReport first = insights.drift(PROJECT);
        assertThat(insights.drift(PROJECT)).isSameAs(first);
        serve(1, 0, 0.3, new Random(6));
        assertThat(insights.drift(PROJECT)).isNotSameAs(first).extracting(r -> r.window().samples()).isEqualTo(51L);
    }

    private void serve(int count, double shift, double brightness, Random random) {
        serve(count, shift, brightness, random, 0);
    }

    /** Serves {@code count} images, of tasks numbered from {@code firstTask} (none for 0). */
    private void serve(int count, double shift, double brightness, Random random, long firstTask) {
        List<ServedSample> batch = new ArrayList<>();
        Instant now = Instant.now().plusSeconds(firstTask);
        for (int i = 0; i < count; i++) {
            ImageFeatures f = features(random, brightness);
            Optional<Long> task = firstTask == 0 ? Optional.empty() : Optional.of(firstTask + i);
            batch.add(new ServedSample(PROJECT, VERSION, now.plusMillis(i), vector(random, shift), f.brightness(), f.contrast(), f.width(),
                    f.height(), f.aspectRatio(), task, task.map(t -> "/data/upload/5/" + t + ".png")));
        }
        store.samples().recordAll(batch);
    }

    private static float[] vector(Random random, double shift) {
        float[] v = new float[DIMENSIONS];
        for (int d = 0; d < DIMENSIONS; d++) {
            v[d] = (float) (random.nextGaussian() + shift);
        }
        return v;
    }

    private static ImageFeatures features(Random random, double brightness) {
        return new ImageFeatures(brightness + 0.05 * random.nextGaussian(), 0.2 + 0.02 * random.nextGaussian(), 640, 480, 640.0 / 480);
    }
}
