package dev.flywheel.backend.prelabel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.backend.image.ImageSource;
import dev.flywheel.backend.inference.Detection;
import dev.flywheel.backend.inference.Detector;
import dev.flywheel.backend.labelconfig.ServingTarget;
import dev.flywheel.backend.store.PredictionStore;
import dev.flywheel.backend.store.ServedPrediction;
import dev.flywheel.model.labelstudio.Prediction;
import dev.flywheel.model.labelstudio.Region;
import dev.flywheel.model.labelstudio.Task;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Pre-labels an Image + RectangleLabels batch with a detector: one {@code rectanglelabels} prediction per task in
 * request order, every one carrying the detector's version; a task whose image cannot be had gets an empty result.
 *
 * <p>Either with a fixed detector (the operator's {@code FLYWHEEL_DETECTOR}) or, without one, for whatever detection
 * a caller passes in per batch (a project's active built-in version).
 */
public final class DetectionPrelabels {

    private final Detector detector;
    private final BoxRegions regions;
    private final TaskImageLoader images;
    private final PredictionStore log;
    private final ObjectMapper mapper;
    private final Clock clock;

    public DetectionPrelabels(Detector detector, BoxRegions regions, ImageSource images, Executor fetchExecutor, PredictionStore log,
            ObjectMapper mapper, Clock clock) {
        this.detector = Objects.requireNonNull(detector, "detector");
        this.regions = Objects.requireNonNull(regions, "regions");
        this.images = new TaskImageLoader(images, fetchExecutor);
        this.log = Objects.requireNonNull(log, "log");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Without a detector of its own: only {@link #predict(long, ServingTarget, List, String, Function)} works. */
    public DetectionPrelabels(BoxRegions regions, ImageSource images, Executor fetchExecutor, PredictionStore log, ObjectMapper mapper, Clock clock) {
        this.detector = null;
        this.regions = Objects.requireNonNull(regions, "regions");
        this.images = new TaskImageLoader(images, fetchExecutor);
        this.log = Objects.requireNonNull(log, "log");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public String version() {
        return fixed().version();
    }

    public PrelabelService.Batch predict(long project, ServingTarget target, List<Task> tasks) {
        Detector fixed = fixed();
        return predict(project, target, tasks, fixed.version(), fixed::detect);
    }

    /** Pre-labels with {@code detect} (one detection list per image, in image pixels), every prediction carrying {@code version}. */
    public PrelabelService.Batch predict(long project, ServingTarget target, List<Task> tasks, String version,
            Function<List<BufferedImage>, List<List<Detection>>> detect) {
        List<BufferedImage> loaded = images.loadAll(project, target, tasks);
        List<Prediction> predictions = new ArrayList<>(tasks.stream().map(t -> Prediction.of(List.of(), 0.0, version)).toList());
        List<Integer> present = new ArrayList<>();
        List<BufferedImage> batch = new ArrayList<>();
        for (int i = 0; i < loaded.size(); i++) {
            if (loaded.get(i) != null) {
                present.add(i);
                batch.add(loaded.get(i));
            }
        }
        if (batch.isEmpty()) {
            return new PrelabelService.Batch(version, predictions);
        }
        List<List<Detection>> found = detect.apply(batch);
        for (int j = 0; j < present.size(); j++) {
            int taskIndex = present.get(j);
            BufferedImage image = batch.get(j);
            Prediction prediction = regions.prediction(target, image.getWidth(), image.getHeight(), found.get(j), version);
            predictions.set(taskIndex, prediction);
            Long taskId = tasks.get(taskIndex).id();
            if (taskId != null) {
                List<String> labels = prediction.result().stream().map(Region::labels).flatMap(List::stream).toList();
                log.record(new ServedPrediction(project, taskId, version, labels, json(prediction.result()),
                        Optional.ofNullable(prediction.score()), Optional.empty(), clock.instant()));
            }
        }
        return new PrelabelService.Batch(version, predictions);
    }

    private Detector fixed() {
        if (detector == null) {
            throw new IllegalStateException("these pre-labels have no detector of their own");
        }
        return detector;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a prediction could not be written as JSON", e);
        }
    }
}
