package dev.flywheel.backend.prelabel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.backend.analytics.ImageFeatures;
import dev.flywheel.backend.image.ImageSource;
import dev.flywheel.backend.kind.ActiveVersions;
import dev.flywheel.backend.kind.LoadedVersion;
import dev.flywheel.backend.kind.Prelabel;
import dev.flywheel.backend.kind.ServedConfig;
import dev.flywheel.backend.kind.TaskKind;
import dev.flywheel.backend.labelconfig.ServingTarget;
import dev.flywheel.backend.store.PredictionStore;
import dev.flywheel.backend.store.ServedPrediction;
import dev.flywheel.backend.store.ServedSample;
import dev.flywheel.backend.store.ServedSampleStore;
import dev.flywheel.backend.store.StorageFullException;
import dev.flywheel.model.labelstudio.Prediction;
import dev.flywheel.model.labelstudio.Task;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pre-labels a batch of tasks: one prediction per task in request order, all by the version that serves the project's
 * kind. Images are fetched in parallel and predicted a chunk at a time, so a request with thousands of tasks holds no
 * more than {@link #CHUNK} decoded images. What was served is logged in one write per batch, with the embedding and
 * features of each image whose version describes it (the current window of the drift test).
 *
 * <p>A task whose image cannot be had gets an empty result while the rest of the batch is answered; before a project
 * has a model every task gets an empty result, which Label Studio stores and does not ask for again until the version
 * changes.
 */
public final class PrelabelService {

    private static final Logger LOG = LoggerFactory.getLogger(PrelabelService.class);

    /** The version reported before a project has a trained model. */
    public static final String NO_MODEL = "untrained";

    /** Decoded images held at a time; a version's forward passes take at most 32. */
    static final int CHUNK = 32;

    private final ActiveVersions versions;
    private final ImageSource images;
    private final TaskImageLoader loader;
    private final PredictionStore log;
    private final ServedSampleStore samples;
    private final ObjectMapper mapper;
    private final Clock clock;

    public PrelabelService(ActiveVersions versions, ImageSource images, Executor fetchExecutor, PredictionStore log, ServedSampleStore samples,
            ObjectMapper mapper, Clock clock) {
        this.versions = Objects.requireNonNull(versions, "versions");
        this.images = Objects.requireNonNull(images, "images");
        this.loader = new TaskImageLoader(fetchExecutor);
        this.log = Objects.requireNonNull(log, "log");
        this.samples = Objects.requireNonNull(samples, "samples");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The same service fetching images on {@code fetchExecutor}: for background work (pre-label jobs) that must not
     * take the fetch threads a {@code /predict} is waiting for.
     */
    public PrelabelService fetchingOn(Executor fetchExecutor) {
        return new PrelabelService(versions, images, fetchExecutor, log, samples, mapper, clock);
    }

    /** The version Label Studio should hear from {@code /setup} for a project with this (served) config. */
    public String currentVersion(long project, ServedConfig config) {
        return config.kind().flatMap(kind -> versions.serving(project, kind)).orElse(NO_MODEL);
    }

    /** The batch reply; {@link Batch#version()} is the version every entry carries. */
    public Batch predict(long project, ServedConfig config, List<Task> tasks) {
        ServedConfig served = config.require();
        TaskKind kind = served.kind().orElseThrow();
        Optional<LoadedVersion> acquired = versions.acquire(project, kind);
        if (acquired.isEmpty()) {
            return new Batch(NO_MODEL, tasks.stream().map(t -> empty(NO_MODEL)).toList(), List.of());
        }
        try (LoadedVersion version = acquired.get()) {
            return predict(project, served.target().orElseThrow(), tasks, version);
        }
    }

    /**
     * The reply for tasks of a project Flywheel cannot tell (no project in the request, its tasks or a {@code /setup}
     * with this config): empty pre-labels, no model, so Label Studio's connection test passes and nothing is guessed.
     */
    public Batch unconnected(List<Task> tasks) {
        return new Batch(NO_MODEL, tasks.stream().map(t -> empty(NO_MODEL)).toList(), List.of());
    }

    /**
     * The batch reply of a version the caller holds (a background job predicting with a named version), for the control
     * and image of {@code target}; logged as served like any other.
     */
    public Batch predict(long project, ServingTarget target, List<Task> tasks, LoadedVersion version) {
        ImageSource.OfProject projectImages = images.forProject(project);
        List<Prediction> predictions = new ArrayList<>(tasks.size());
        List<ServedPrediction> served = new ArrayList<>();
        List<ServedSample> seen = new ArrayList<>();
        List<Integer> unavailable = new ArrayList<>();
        for (int from = 0; from < tasks.size(); from += CHUNK) {
            List<Task> chunk = tasks.subList(from, Math.min(tasks.size(), from + CHUNK));
            // Measured on the fetch threads, on the original: the network only sees a resized copy.
            List<Fetched> loaded = loader.loadAll(project, projectImages, target, chunk,
                    image -> new Fetched(image, version.describesImages() ? ImageFeatures.of(image) : null));
            List<Integer> present = new ArrayList<>();
            List<BufferedImage> decoded = new ArrayList<>();
            for (int i = 0; i < loaded.size(); i++) {
                predictions.add(empty(version.version()));
                if (loaded.get(i) != null) {
                    present.add(i);
                    decoded.add(loaded.get(i).image());
                } else {
                    unavailable.add(from + i);
                }
            }
            List<Prelabel> prelabels = decoded.isEmpty() ? List.of() : version.prelabel(target, decoded);
            for (int j = 0; j < present.size(); j++) {
                int index = present.get(j);
                Prelabel prelabel = prelabels.get(j);
                predictions.set(from + index, prelabel.prediction());
                record(project, chunk.get(index), imageRef(target, chunk.get(index)), prelabel, loaded.get(index).features(), served, seen);
            }
        }
        // One transaction for the batch: a commit per task made the log, not the model, the cost of a batch of 32.
        try {
            log.recordAll(served);
            samples.recordAll(seen);
        } catch (StorageFullException e) {
            // The log feeds label issues and drift later; the annotator waiting for pre-labels matters more than it.
            LOG.warn("project {}: {} predictions served but not logged: {}", project, served.size(), e.getMessage());
        }
        return new Batch(version.version(), predictions, unavailable);
    }

    private void record(long project, Task task, Optional<String> imageRef, Prelabel prelabel, ImageFeatures features,
            List<ServedPrediction> served, List<ServedSample> seen) {
        Prediction prediction = prelabel.prediction();
        String version = prediction.modelVersion();
        // The task and its image, so a drift report can name the images that moved most.
        prelabel.embedding().filter(e -> features != null).ifPresent(embedding -> seen.add(new ServedSample(project, version,
                clock.instant(), embedding, features.brightness(), features.contrast(), features.width(), features.height(),
                features.aspectRatio(), Optional.ofNullable(task.id()), imageRef)));
        if (task.id() != null) {
            served.add(new ServedPrediction(project, task.id(), version, prelabel.labels(), json(prediction.result()),
                    Optional.ofNullable(prediction.score()), prelabel.probabilities().map(this::json), clock.instant()));
        }
    }

    private static Optional<String> imageRef(ServingTarget target, Task task) {
        Object reference = task.data() == null ? null : task.data().get(target.image().dataKey());
        return reference instanceof String text && !text.isBlank() ? Optional.of(text) : Optional.empty();
    }

    private static Prediction empty(String version) {
        return Prediction.of(List.of(), 0.0, version);
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a prediction could not be written as JSON", e);
        }
    }

    /** A fetched image and, when its version describes images, its features. */
    private record Fetched(BufferedImage image, ImageFeatures features) {}

    /**
     * One prediction per task in request order, all made by {@code version}.
     *
     * @param version the version every entry carries
     * @param predictions one per task, in request order
     * @param unavailable positions of the tasks whose image could not be had: their predictions are empty stand-ins
     */
    public record Batch(String version, List<Prediction> predictions, List<Integer> unavailable) {

        public Batch {
            Objects.requireNonNull(version, "version");
            predictions = List.copyOf(predictions);
            unavailable = List.copyOf(unavailable);
        }
    }
}
