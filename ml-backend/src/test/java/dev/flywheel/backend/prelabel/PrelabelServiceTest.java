package dev.flywheel.backend.prelabel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywheel.backend.image.ImageSource;
import dev.flywheel.backend.kind.ActiveVersions;
import dev.flywheel.backend.kind.FakeKind;
import dev.flywheel.backend.kind.Prelabel;
import dev.flywheel.backend.kind.ServedConfig;
import dev.flywheel.backend.kind.TaskKinds;
import dev.flywheel.backend.labelconfig.LabelConfigParser;
import dev.flywheel.backend.labelconfig.ServingTarget;
import dev.flywheel.backend.registry.ModelRegistry;
import dev.flywheel.backend.store.ProjectDefinition;
import dev.flywheel.backend.store.SqliteStore;
import dev.flywheel.model.json.FlywheelJson;
import dev.flywheel.model.labelstudio.Prediction;
import dev.flywheel.model.labelstudio.Task;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrelabelServiceTest {

    private static final long PROJECT = 5;
    private static final String CONFIG = """
            <View><Image name="image" value="$image"/>
            <Choices name="label" toName="image"><Choice value="a"/><Choice value="b"/></Choices></View>""";

    @TempDir
    Path home;

    private final ExecutorService fetchers = Executors.newFixedThreadPool(8);
    private final AtomicInteger decodedAlive = new AtomicInteger();
    private final AtomicInteger mostAlive = new AtomicInteger();
    private final AtomicInteger projectReads = new AtomicInteger();
    private final FakeKind kind = new FakeKind("choices", "Choices");
    private SqliteStore store;
    private PrelabelService prelabel;
    private ServedConfig served;

    @BeforeEach
    void open() {
        store = SqliteStore.openInHome(home, Clock.systemUTC());
        store.projects().save(new ProjectDefinition(PROJECT, "p", CONFIG, List.of("a", "b"), "choices"));
        TaskKinds kinds = new TaskKinds(List.of(kind));
        ActiveVersions versions = new ActiveVersions(kinds, new ModelRegistry(home.resolve("models"), FlywheelJson.newMapper()),
                project -> Optional.empty());
        prelabel = new PrelabelService(versions, new CountingImages(), fetchers, store.predictions(), store.samples(),
                FlywheelJson.newMapper(), Clock.systemUTC());
        served = kinds.serve(new LabelConfigParser().parse(CONFIG));
    }

    @AfterEach
    void close() {
        fetchers.shutdownNow();
        store.close();
    }

    @Test
    void aProjectNothingServesGetsAnEmptyPredictionPerTaskFromTheUntrainedVersion() {
        PrelabelService.Batch batch = prelabel.predict(PROJECT, served, tasks(3));

        assertThat(batch.version()).isEqualTo(PrelabelService.NO_MODEL);
        assertThat(batch.predictions()).hasSize(3).allSatisfy(p -> assertThat(p.result()).isEmpty());
        assertThat(projectReads).as("no image is fetched before a model exists").hasValue(0);
    }

    @Test
    void aLargeRequestHoldsABoundedNumberOfDecodedImagesAndAnswersInTaskOrder() {
        kind.standIn = Optional.of(new DecodedCounting("v7"));

        PrelabelService.Batch batch = prelabel.predict(PROJECT, served, tasks(200));

        assertThat(batch.version()).isEqualTo("v7");
        assertThat(batch.predictions()).extracting(Prediction::score)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 200).mapToObj(i -> i == 50 ? 0.0 : (double) i).toList());
        assertThat(mostAlive.get()).as("decoded images held at once").isPositive().isLessThanOrEqualTo(PrelabelService.CHUNK);
    }

    @Test
    void theProjectIsReadOnceForABatchAndEveryServedTaskIsLoggedOnce() {
        kind.standIn = Optional.of(new DecodedCounting("v7"));

        prelabel.predict(PROJECT, served, tasks(100));

        assertThat(projectReads).as("connection look-ups for one request").hasValue(1);
        assertThat(store.predictions().latestPerTask(PROJECT)).as("logged, all but the task whose image broke").hasSize(99)
                .doesNotContainKey(50L);
    }

    /** Tasks 1..n; task 50's image cannot be decoded. */
    private static List<Task> tasks(int n) {
        return LongStream.rangeClosed(1, n).mapToObj(i -> Task.of(i, Map.of("image", "img-" + i))).toList();
    }

    /** Images as wide as their task id; counts the look-ups of the project and the images decoded and not yet predicted. */
    private final class CountingImages implements ImageSource {

        @Override
        public BufferedImage load(long project, Long taskId, String reference) {
            throw new AssertionError("a batch loads its images through forProject");
        }

        @Override
        public OfProject forProject(long project) {
            projectReads.incrementAndGet();
            return (taskId, reference) -> {
                if (taskId == 50) {
                    throw new IllegalArgumentException("not an image");
                }
                mostAlive.accumulateAndGet(decodedAlive.incrementAndGet(), Math::max);
                return new BufferedImage(taskId.intValue(), 1, BufferedImage.TYPE_INT_RGB);
            };
        }
    }

    /** A version that lets go of the images it predicted. */
    private final class DecodedCounting extends FakeKind.FakeVersion {

        DecodedCounting(String version) {
            super(version);
        }

        @Override
        public List<Prelabel> prelabel(ServingTarget target, List<BufferedImage> images) {
            List<Prelabel> prelabels = super.prelabel(target, images);
            decodedAlive.addAndGet(-images.size());
            return prelabels;
        }
    }
}
