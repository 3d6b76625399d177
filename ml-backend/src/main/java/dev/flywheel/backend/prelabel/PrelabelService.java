package dev.flywheel.backend.prelabel;

import dev.flywheel.backend.inference.ActiveModels;
import dev.flywheel.backend.labelconfig.ControlTag;
import dev.flywheel.backend.labelconfig.LabelConfig;
import dev.flywheel.backend.labelconfig.ServingTarget;
import dev.flywheel.backend.labelconfig.TaskType;
import dev.flywheel.model.labelstudio.ChoicesRegion;
import dev.flywheel.model.labelstudio.Prediction;
import dev.flywheel.model.labelstudio.Region;
import dev.flywheel.model.labelstudio.Task;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pre-labels a batch of tasks: one prediction per task in request order, the images fetched in parallel and
 * classified in one pass by the project's active version.
 *
 * <p>A task whose image cannot be had gets an empty result while the rest of the batch is answered; before a project
 * has a model every task gets an empty result, which Label Studio stores and does not ask for again until the version
 * changes.
 */
public final class PrelabelService {

    /** The version reported before a project has a trained model. */
    public static final String NO_MODEL = "untrained";

    private static final Logger LOG = LoggerFactory.getLogger(PrelabelService.class);

    private final ActiveModels models;
    private final ImageSource images;
    private final Executor fetchExecutor;
    private final PredictionLog log;

    public PrelabelService(ActiveModels models, ImageSource images, Executor fetchExecutor, PredictionLog log) {
        this.models = Objects.requireNonNull(models, "models");
        this.images = Objects.requireNonNull(images, "images");
        this.fetchExecutor = Objects.requireNonNull(fetchExecutor, "fetchExecutor");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** The version Label Studio should hear from {@code /setup} and in every prediction. */
    public String currentVersion(long project) {
        return models.active(project).map(m -> m.version()).orElse(NO_MODEL);
    }

    /** The batch reply; {@link Batch#version()} is the version every entry carries. */
    public Batch predict(long project, LabelConfig config, List<Task> tasks) {
        ServingTarget target = config.servingTarget().orElseThrow(() -> new UnsupportedLabelConfigException(config));
        if (target.taskType() != TaskType.IMAGE_CLASSIFICATION || models.active(project).isEmpty()) {
            String version = currentVersion(project);
            return new Batch(version, tasks.stream().map(t -> empty(version)).toList());
        }
        List<BufferedImage> loaded = fetchAll(project, target, tasks);
        List<Integer> present = new ArrayList<>();
        List<BufferedImage> batch = new ArrayList<>();
        for (int i = 0; i < loaded.size(); i++) {
            if (loaded.get(i) != null) {
                present.add(i);
                batch.add(loaded.get(i));
            }
        }
        if (batch.isEmpty()) {
            String version = currentVersion(project);
            return new Batch(version, tasks.stream().map(t -> empty(version)).toList());
        }
        ActiveModels.Classification classification = models.classify(project, batch).orElseThrow();
        String version = classification.manifest().version();
        List<String> labels = classification.manifest().labels();
        List<Prediction> predictions = new ArrayList<>(tasks.stream().map(t -> empty(version)).toList());
        List<ServedPrediction> served = new ArrayList<>();
        for (int j = 0; j < present.size(); j++) {
            int taskIndex = present.get(j);
            float[] probabilities = classification.probabilities().get(j);
            List<String> chosen = choose(target.control(), labels, probabilities);
            double score = scoreOf(labels, probabilities, chosen);
            predictions.set(taskIndex, Prediction.of(List.of(region(target, chosen, score)), score, version));
            Long taskId = tasks.get(taskIndex).id();
            if (taskId != null) {
                served.add(new ServedPrediction(project, taskId, version, chosen, score, boxed(probabilities)));
            }
        }
        if (!served.isEmpty()) {
            log.record(served);
        }
        return new Batch(version, predictions);
    }

    private List<BufferedImage> fetchAll(long project, ServingTarget target, List<Task> tasks) {
        List<CompletableFuture<BufferedImage>> futures = tasks.stream()
                .map(task -> CompletableFuture.supplyAsync(() -> fetch(project, target, task), fetchExecutor))
                .toList();
        return futures.stream().map(CompletableFuture::join).toList();
    }

    private BufferedImage fetch(long project, ServingTarget target, Task task) {
        Object reference = task.data() == null ? null : task.data().get(target.image().dataKey());
        if (!(reference instanceof String text) || text.isBlank()) {
            LOG.info("task {} of project {} has no image under '{}'", task.id(), project, target.image().dataKey());
            return null;
        }
        try {
            return images.load(project, task.id(), text);
        } catch (Exception e) {
            // The message, never the reference's query string: presigned URLs carry credentials.
            LOG.warn("task {} of project {}: image not available ({})", task.id(), project, e.getMessage());
            return null;
        }
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
        return ChoicesRegion.of(target.control().name(), target.image().name(), chosen, score);
    }

    private static Prediction empty(String version) {
        return Prediction.of(List.of(), 0.0, version);
    }

    private static List<Double> boxed(float[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (float v : values) {
            list.add((double) v);
        }
        return list;
    }

    /** One prediction per task in request order, all made by {@code version}. */
    public record Batch(String version, List<Prediction> predictions) {

        public Batch {
            Objects.requireNonNull(version, "version");
            predictions = List.copyOf(predictions);
        }
    }
}
