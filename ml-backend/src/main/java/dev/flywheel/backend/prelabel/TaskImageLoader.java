package dev.flywheel.backend.prelabel;

import dev.flywheel.backend.image.ImageSource;
import dev.flywheel.backend.labelconfig.ServingTarget;
import dev.flywheel.model.labelstudio.Task;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fetches a batch's images in parallel; a task whose image cannot be had gets null, never fails the batch. */
final class TaskImageLoader {

    private static final Logger LOG = LoggerFactory.getLogger(TaskImageLoader.class);

    private final Executor executor;

    TaskImageLoader(Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /**
     * The decoded (EXIF-oriented) images of {@code project}'s tasks in task order, {@code then} applied to each on the
     * fetch threads; null where there is none.
     */
    <T> List<T> loadAll(long project, ImageSource.OfProject images, ServingTarget target, List<Task> tasks, Function<BufferedImage, T> then) {
        List<CompletableFuture<T>> futures = tasks.stream()
                .map(task -> CompletableFuture.supplyAsync(() -> {
                    BufferedImage image = load(project, images, target, task);
                    return image == null ? null : then.apply(image);
                }, executor))
                .toList();
        return futures.stream().map(CompletableFuture::join).toList();
    }

    private BufferedImage load(long project, ImageSource.OfProject images, ServingTarget target, Task task) {
        Object reference = task.data() == null ? null : task.data().get(target.image().dataKey());
        if (!(reference instanceof String text) || text.isBlank()) {
            LOG.info("task {} of project {} has no image under '{}'", task.id(), project, target.image().dataKey());
            return null;
        }
        try {
            return images.load(task.id(), text);
        } catch (Exception e) {
            // The message, never the reference's query string: presigned URLs carry credentials.
            LOG.warn("task {} of project {}: image not available ({})", task.id(), project, e.getMessage());
            return null;
        }
    }
}
