package dev.flywheel.backend.insights;

import dev.flywheel.backend.analytics.DriftAnalysis;
import dev.flywheel.backend.analytics.DriftHistory;
import dev.flywheel.backend.analytics.DriftSample;
import dev.flywheel.backend.analytics.ImageFeatures;
import dev.flywheel.backend.analytics.MovedSamples;
import dev.flywheel.backend.registry.DriftReference;
import dev.flywheel.backend.registry.DriftReferences;
import dev.flywheel.backend.store.FlywheelStore;
import dev.flywheel.backend.store.ServedSample;
import dev.flywheel.backend.store.ServedSampleStore;
import dev.flywheel.backend.store.ServedWindow;
import dev.flywheel.backend.store.UnknownEntityException;
import dev.flywheel.model.api.DriftPoint;
import dev.flywheel.model.api.DriftReport;
import dev.flywheel.model.api.DriftWindow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether the images {@code /predict} served lately differ from the ones the active version was trained on.
 *
 * <p>The reference is the active version's recorded sample of its training images; the window is the newest images
 * that same version served (at most {@link ServedSampleStore#MAX_PER_PROJECT}), so activating another version starts
 * a fresh window. With fewer than {@link #MIN_SAMPLES} served images there is no answer but an
 * {@link InsufficientDataException} (409 {@code insufficient_data}): a "not drifted" on a handful of images would
 * read as reassurance the test cannot give. The embedding test subsamples each side to {@link #EMBEDDING_SAMPLES}
 * vectors, which keeps a request well under a second; the feature tests use every image. The report also carries the
 * same test on consecutive parts of the window ({@link DriftHistory}) and the images farthest from the training ones
 * ({@link MovedSamples}). A report is cached per project until the version or the window changes.
 */
public final class DriftInsights {

    /** Served images needed before the tests say anything. */
    public static final int MIN_SAMPLES = 20;

    /** Embeddings per side for the MMD permutation test, whose cost grows with the square of the sample. */
    static final int EMBEDDING_SAMPLES = 200;

    private static final long SEED = 0xD21F7L;

    private final FlywheelStore store;
    private final DriftReferences references;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    public DriftInsights(FlywheelStore store, DriftReferences references) {
        this.store = Objects.requireNonNull(store, "store");
        this.references = Objects.requireNonNull(references, "references");
    }

    public DriftReport drift(long project) {
        if (store.projects().find(project).isEmpty()) {
            throw new UnknownEntityException("Flywheel has not seen project " + project + " yet");
        }
        String version = store.runs().activeVersion(project).orElseThrow(() -> new InsufficientDataException(
                "project " + project + " has no active model version yet, so there is no training data to compare with", Map.of("samples", "0")));
        DriftReference reference = references.read(project, version).orElseThrow(() -> new InsufficientDataException(
                "version " + version + " was trained before drift references were recorded; train a new version to measure drift",
                Map.of("reference_version", version)));
        // The per-project bound keeps a version's samples within MAX_PER_PROJECT, so the extent describes them all.
        Optional<ServedWindow> found = store.samples().window(project, version);
        long served = found.map(ServedWindow::samples).orElse(0L);
        if (served < MIN_SAMPLES) {
            throw new InsufficientDataException("version " + version + " has served " + served + " images; drift needs at least "
                    + MIN_SAMPLES, Map.of("samples", Long.toString(served), "required", Integer.toString(MIN_SAMPLES)));
        }
        ServedWindow extent = found.orElseThrow();
        DriftWindow span = new DriftWindow(extent.from().toString(), extent.to().toString(), extent.samples());
        Cached cached = cache.get(project);
        if (cached != null && cached.version().equals(version) && cached.window().equals(span)) {
            return cached.report();
        }
        List<ServedSample> window = store.samples().recent(project, version, ServedSampleStore.MAX_PER_PROJECT);
        DriftSample trained = referenceSample(reference);
        DriftReport report = DriftAnalysis.analyze(version, span, trained, currentSample(window))
                .withHistory(history(version, trained, window), MovedSamples.farthest(trained, served(window), MovedSamples.LIMIT));
        cache.put(project, new Cached(version, span, report));
        return report;
    }

    /** The same test on consecutive parts of the window, oldest first: when the inputs began to move. */
    private static List<DriftPoint> history(String version, DriftSample trained, List<ServedSample> window) {
        List<DriftPoint> points = new ArrayList<>();
        for (int[] range : DriftHistory.parts(window.size(), MIN_SAMPLES, DriftHistory.MAX_WINDOWS)) {
            List<ServedSample> part = window.subList(range[0], range[1]);
            DriftWindow span = new DriftWindow(part.getFirst().servedAt().toString(), part.getLast().servedAt().toString(), part.size());
            points.add(DriftHistory.point(DriftAnalysis.analyze(version, span, trained, currentSample(part))));
        }
        return points;
    }

    private static List<MovedSamples.Served> served(List<ServedSample> window) {
        return window.stream().map(s -> new MovedSamples.Served(s.taskId().orElse(null), s.imageRef().orElse(null),
                s.servedAt().toString(), widen(s.embedding()), features(s))).toList();
    }

    private static ImageFeatures features(ServedSample s) {
        return new ImageFeatures(s.brightness(), s.contrast(), s.width(), s.height(), s.aspectRatio());
    }

    private static DriftSample referenceSample(DriftReference reference) {
        List<double[]> embeddings = subsample(reference.embeddings(), EMBEDDING_SAMPLES).stream().map(DriftInsights::widen).toList();
        return new DriftSample(embeddings, reference.features());
    }

    private static DriftSample currentSample(List<ServedSample> window) {
        List<double[]> embeddings = subsample(window, EMBEDDING_SAMPLES).stream().map(s -> widen(s.embedding())).toList();
        List<ImageFeatures> features = window.stream().map(DriftInsights::features).toList();
        return new DriftSample(embeddings, features);
    }

    /** At most {@code limit} items by a seeded shuffle, so the same data always gives the same report. */
    static <T> List<T> subsample(List<T> items, int limit) {
        if (items.size() <= limit) {
            return items;
        }
        List<T> shuffled = new ArrayList<>(items);
        Collections.shuffle(shuffled, new Random(SEED));
        return shuffled.subList(0, limit);
    }

    private static double[] widen(float[] values) {
        double[] wide = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            wide[i] = values[i];
        }
        return wide;
    }

    /** The last report of a project and what it was computed from. */
    private record Cached(String version, DriftWindow window, DriftReport report) {}
}
