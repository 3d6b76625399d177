package dev.flywheel.backend.prelabel;

import dev.flywheel.backend.analytics.ImageFeatures;
import dev.flywheel.backend.inference.ActiveModels;
import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.backend.labelconfig.ControlTag;
import dev.flywheel.backend.labelconfig.LabelConfig;
import dev.flywheel.backend.labelconfig.ServingTarget;
import dev.flywheel.model.api.TaskType;
import dev.flywheel.model.labelstudio.ChoicesRegion;
import dev.flywheel.model.labelstudio.Prediction;
import dev.flywheel.model.labelstudio.Region;
import dev.flywheel.model.labelstudio.Task;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.flywheel.backend.image.ImageSource;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.backend.store.PredictionStore;
import dev.flywheel.backend.store.ServedPrediction;
import dev.flywheel.backend.store.ServedSample;
import dev.flywheel.backend.store.ServedSampleStore;
import dev.flywheel.backend.store.StorageFullException;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pre-labels a batch of tasks: one prediction per task in request order, the images fetched in parallel and
 * classified in one pass by the project's active version. Each classified image's embedding and features are kept,
 * in one write per batch, as the current window of the drift test.
 *
 * <p>A task whose image cannot be had gets an empty result while the rest of the batch is answered; before a project
 * has a model every task gets an empty result, which Label Studio stores and does not ask for again until the version
 * changes.
 */
public final class PrelabelService {

    private static final Logger LOG = LoggerFactory.getLogger(PrelabelService.class);

    /** The version reported before a project has a trained model. */
    public static final String NO_MODEL = "untrained";


    private final ActiveModels models;
    private final TaskImageLoader loader;
    private final PredictionStore log;
    private final ServedSampleStore samples;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Optional<DetectionPrelabels> detection;
    private final DetectionPrelabels builtInDetection;

    /** With {@code detection}, Image + RectangleLabels projects are pre-labelled by that detector. */
    public PrelabelService(ActiveModels models, ImageSource images, Executor fetchExecutor, PredictionStore log, ServedSampleStore samples,
            ObjectMapper mapper, Clock clock, Optional<DetectionPrelabels> detection) {
        this.detection = Objects.requireNonNull(detection, "detection");
        this.models = Objects.requireNonNull(models, "models");
        this.loader = new TaskImageLoader(images, fetchExecutor);
        this.log = Objects.requireNonNull(log, "log");
        this.samples = Objects.requireNonNull(samples, "samples");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.builtInDetection = new DetectionPrelabels(new BoxRegions(BoxPolicy.DEFAULTS), images, fetchExecutor, log, mapper, clock);
    }

    /** The version Label Studio should hear from {@code /setup} and in every prediction. */
    public String currentVersion(long project) {
        return models.active(project).map(m -> m.version()).orElse(NO_MODEL);
    }

    /**
     * Like {@link #currentVersion(long)}, for a project with this label config. A detection project is served by its
     * active built-in detector once it has one, else by the operator's detector, else by nothing ({@link #NO_MODEL}).
     */
    public String currentVersion(long project, LabelConfig config) {
        if (config.taskType() == TaskType.OBJECT_DETECTION) {
            Optional<ModelManifest> trained = models.active(project).filter(ModelManifest::isDetector);
            if (trained.isPresent()) {
                return trained.get().version();
            }
            return detection.map(DetectionPrelabels::version).orElse(NO_MODEL);
        }
        return models.active(project).filter(m -> !m.isDetector()).map(ModelManifest::version).orElse(NO_MODEL);
    }

    /** The batch reply; {@link Batch#version()} is the version every entry carries. */
    public Batch predict(long project, LabelConfig config, List<Task> tasks) {
        ServingTarget target = config.servingTarget().orElseThrow(() -> new UnsupportedLabelConfigException(config));
        if (target.taskType() == TaskType.OBJECT_DETECTION) {
            Optional<ModelManifest> trained = models.active(project).filter(ModelManifest::isDetector);
            if (trained.isPresent()) {
                return builtInDetection.predict(project, target, tasks, trained.get().version(), batch -> models.detect(project, batch)
                        .orElseThrow(() -> new IllegalStateException("project " + project + " lost its active detector during a prediction"))
                        .detections());
            }
            if (detection.isPresent()) {
                return detection.get().predict(project, target, tasks);
            }
        }
        if (target.taskType() != TaskType.IMAGE_CLASSIFICATION || models.active(project).filter(m -> !m.isDetector()).isEmpty()) {
            String version = currentVersion(project, config);
            return new Batch(version, tasks.stream().map(t -> empty(version)).toList());
        }
        List<Fetched> loaded = fetchAll(project, target, tasks);
        List<Integer> present = new ArrayList<>();
        List<BufferedImage> batch = new ArrayList<>();
        for (int i = 0; i < loaded.size(); i++) {
            if (loaded.get(i) != null) {
                present.add(i);
                batch.add(loaded.get(i).image());
            }
        }
        if (batch.isEmpty()) {
            String version = currentVersion(project, config);
            return new Batch(version, tasks.stream().map(t -> empty(version)).toList());
        }
        ActiveModels.Classification classification = models.classify(project, batch).orElseThrow();
        String version = classification.manifest().version();
        List<String> labels = classification.manifest().labels();
        List<Prediction> predictions = new ArrayList<>(tasks.stream().map(t -> empty(version)).toList());
        List<ServedPrediction> served = new ArrayList<>();
        List<ServedSample> seen = new ArrayList<>();
        for (int j = 0; j < present.size(); j++) {
            int taskIndex = present.get(j);
            ImageFeatures features = loaded.get(taskIndex).features();
            seen.add(new ServedSample(project, version, clock.instant(), classification.embeddings().get(j), features.brightness(),
                    features.contrast(), features.width(), features.height(), features.aspectRatio()));
            float[] probabilities = classification.probabilities().get(j);
            List<String> chosen = choose(target.control(), labels, probabilities);
            double score = scoreOf(labels, probabilities, chosen);
            Prediction prediction = Prediction.of(List.of(region(target, chosen, score)), score, version);
            predictions.set(taskIndex, prediction);
            Long taskId = tasks.get(taskIndex).id();
            if (taskId != null) {
                served.add(new ServedPrediction(project, taskId, version, chosen, json(prediction.result()), Optional.of(score),
                        Optional.of(json(probabilityMap(labels, probabilities))), clock.instant()));
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
        return new Batch(version, predictions);
    }

    private List<Fetched> fetchAll(long project, ServingTarget target, List<Task> tasks) {
        // Measured on the fetch threads, in parallel, and on the original: the network only sees a resized copy.
        return loader.loadAll(project, target, tasks, image -> new Fetched(image, ImageFeatures.of(image)));
    }

    /** Single choice: the most likely label. Multiple choice: every label above one half, at least the most likely. */
    private static List<String> choose(ControlTag control, List<String> labels, float[] probabilities) {
        int best = 0;
        for (int k = 1; k < probabilities.length; k++) {
            if (probabilities[k] > probabilities[best]) {
                best = k;
            }
        }
        if (!control.multiple()) {
            return List.of(labels.get(best));
        }
        List<String> chosen = new ArrayList<>();
        for (int k = 0; k < probabilities.length; k++) {
            if (k == best || probabilities[k] >= 0.5f) {
                chosen.add(labels.get(k));
            }
        }
        return chosen;
    }

    private static double scoreOf(List<String> labels, float[] probabilities, List<String> chosen) {
        double min = 1;
        for (String label : chosen) {
            min = Math.min(min, probabilities[labels.indexOf(label)]);
        }
        return Math.max(0, Math.min(1, min));
    }

    private static Region region(ServingTarget target, List<String> chosen, double score) {
        return new ChoicesRegion(null, target.control().name(), target.image().name(), new ChoicesRegion.Value(chosen, null), score,
                null, null, null, null, null, null, null, null, null, null);
    }

    private static Prediction empty(String version) {
        return Prediction.of(List.of(), 0.0, version);
    }

    private static Map<String, Double> probabilityMap(List<String> labels, float[] probabilities) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int k = 0; k < labels.size(); k++) {
            map.put(labels.get(k), (double) probabilities[k]);
        }
        return map;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a prediction could not be written as JSON", e);
        }
    }

    /** A fetched image and its features. */
    private record Fetched(BufferedImage image, ImageFeatures features) {}

    /** One prediction per task in request order, all made by {@code version}. */
    public record Batch(String version, List<Prediction> predictions) {

        public Batch {
            Objects.requireNonNull(version, "version");
            predictions = List.copyOf(predictions);
        }
    }
}
