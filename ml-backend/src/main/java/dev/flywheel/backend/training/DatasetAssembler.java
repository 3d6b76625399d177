package dev.flywheel.backend.training;

import dev.flywheel.backend.analytics.ImageFeatures;
import dev.flywheel.backend.cache.LeastRecentlyUsed;
import dev.flywheel.backend.inference.ImageTensors;
import dev.flywheel.backend.image.ImageSource;
import dev.flywheel.backend.store.LabeledAnnotation;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a classification training set from stored annotations: one label per task (the majority of its annotators,
 * ties to the latest annotation), images fetched, measured and resized once and kept between runs.
 */
public final class DatasetAssembler {

    private static final Logger LOG = LoggerFactory.getLogger(DatasetAssembler.class);
    private static final int CACHE_ENTRIES = 50_000;

    private final ImageSource images;
    private final Executor fetchExecutor;
    private final Executor prefetchExecutor;
    private final LeastRecentlyUsed<String, Loaded> pixels = new LeastRecentlyUsed<>(CACHE_ENTRIES);

    /** A run's images load on {@code fetchExecutor}, images prepared ahead of a run on {@code prefetchExecutor}. */
    public DatasetAssembler(ImageSource images, Executor fetchExecutor, Executor prefetchExecutor) {
        this.images = images;
        this.fetchExecutor = fetchExecutor;
        this.prefetchExecutor = prefetchExecutor;
    }

    /** One executor for both, for tests and tools that assemble without a prefetch. */
    public DatasetAssembler(ImageSource images, Executor fetchExecutor) {
        this(images, fetchExecutor, fetchExecutor);
    }

    /** One label per task, in task order; tasks whose labels are all outside {@code labels} are left out. */
    public static Map<Long, LabeledTask> labelPerTask(List<LabeledAnnotation> annotations, List<String> labels) {
        Map<Long, List<LabeledAnnotation>> byTask = new HashMap<>();
        for (LabeledAnnotation a : annotations) {
            if (!a.labels().isEmpty() && labels.contains(a.labels().getFirst())) {
                byTask.computeIfAbsent(a.taskId(), k -> new ArrayList<>()).add(a);
            }
        }
        Map<Long, LabeledTask> result = new java.util.TreeMap<>();
        byTask.forEach((task, list) -> {
            list.sort(Comparator.comparingLong(LabeledAnnotation::annotationId));
            Map<String, Integer> votes = new HashMap<>();
            list.forEach(a -> votes.merge(a.labels().getFirst(), 1, Integer::sum));
            int best = votes.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            LabeledAnnotation chosen = list.reversed().stream()
                    .filter(a -> votes.get(a.labels().getFirst()) == best)
                    .findFirst()
                    .orElseThrow();
            result.put(task, new LabeledTask(task, chosen.annotationId(), chosen.imageRef().orElse(null), labels.indexOf(chosen.labels().getFirst()),
                    chosen.labels().getFirst()));
        });
        return result;
    }

    /** Examples for the tasks whose images could be loaded; the count of the others is in the log. */
    public List<Example> examples(long project, Iterable<LabeledTask> tasks, ImageTensors tensors) {
        return examples(project, tasks, tensors, true);
    }

    /**
     * Like {@link #examples(long, Iterable, ImageTensors)}; with {@code remember} false the resized pixels are not kept
     * in memory for the next run (a backbone's embedding cache keeps what its next run needs, at a fraction of the size).
     */
    public List<Example> examples(long project, Iterable<LabeledTask> tasks, ImageTensors tensors, boolean remember) {
        return examples(project, tasks, tensors, remember, fetchExecutor);
    }

    /** Loads the tasks' images into memory for the next run, on the prefetch pool; what it cannot load is left out. */
    public void prefetch(long project, Iterable<LabeledTask> tasks, ImageTensors tensors) {
        examples(project, tasks, tensors, true, prefetchExecutor);
    }

    private List<Example> examples(long project, Iterable<LabeledTask> tasks, ImageTensors tensors, boolean remember, Executor executor) {
        List<LabeledTask> list = new ArrayList<>();
        tasks.forEach(list::add);
        List<CompletableFuture<Loaded>> futures = list.stream()
                .map(t -> CompletableFuture.supplyAsync(() -> load(project, t, tensors, remember), executor))
                .toList();
        List<Example> examples = new ArrayList<>(list.size());
        int missing = 0;
        for (int i = 0; i < list.size(); i++) {
            Loaded loaded = futures.get(i).join();
            if (loaded == null) {
                missing++;
            } else {
                examples.add(new Example(list.get(i).taskId(), loaded.chw(), list.get(i).labelIndex(), loaded.features()));
            }
        }
        if (missing > 0) {
            LOG.warn("project {}: {} of {} labeled images could not be loaded and are left out of training", project, missing, list.size());
        }
        return examples;
    }

    private Loaded load(long project, LabeledTask task, ImageTensors tensors, boolean remember) {
        if (task.imageRef() == null) {
            return null;
        }
        String key = tensors.size() + "|" + task.imageRef();
        Loaded cached = pixels.get(key);
        if (cached != null) {
            return cached;
        }
        try {
            BufferedImage image = images.load(project, task.taskId(), task.imageRef());
            // Measured here, on the decoded original, because resizing loses the real size and aspect ratio.
            Loaded loaded = new Loaded(tensors.toRgb(image), ImageFeatures.of(image));
            if (remember) {
                pixels.put(key, loaded);
            }
            return loaded;
        } catch (Exception e) {
            LOG.debug("task {}: image not loaded for training ({})", task.taskId(), e.getMessage());
            return null;
        }
    }

    /** A loaded image: resized CHW bytes and the features of the original. */
    private record Loaded(byte[] chw, ImageFeatures features) {}

    /** A task with the one label it trains on. */
    public record LabeledTask(long taskId, long annotationId, String imageRef, int labelIndex, String label) {}
}
