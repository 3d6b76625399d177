package dev.flywheel.backend.training;

import dev.flywheel.backend.inference.Backbone;
import dev.flywheel.backend.inference.ImageTensors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Turns labeled tasks into a backbone's feature vectors: from the {@link EmbeddingCache} when there, else fetched,
 * embedded and stored, a chunk at a time so the resized images of a large first run never sit in memory together.
 */
final class BackboneEmbedder {

    /** Images fetched and embedded together: large enough for full batches, small enough to keep memory flat. */
    static final int CHUNK = 128;

    private final Backbone backbone;
    private final EmbeddingCache cache;
    private final DatasetAssembler assembler;

    BackboneEmbedder(Backbone backbone, EmbeddingCache cache, DatasetAssembler assembler) {
        this.backbone = Objects.requireNonNull(backbone, "backbone");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.assembler = Objects.requireNonNull(assembler, "assembler");
    }

    /**
     * The embedded examples of {@code tasks} whose images could be had, in task order, and how many of them had to go
     * through the backbone.
     *
     * @param cancelled polled between chunks; a cancelled call throws {@link TrainingCancelledException}
     */
    Embedded embed(long project, Iterable<DatasetAssembler.LabeledTask> tasks, BooleanSupplier cancelled) {
        List<EmbeddedExample> examples = new ArrayList<>();
        List<DatasetAssembler.LabeledTask> missing = new ArrayList<>();
        for (DatasetAssembler.LabeledTask task : tasks) {
            if (task.imageRef() == null) {
                continue;
            }
            Optional<EmbeddingCache.Entry> cached = cache.get(project, task.taskId(), task.imageRef());
            if (cached.isPresent()) {
                examples.add(new EmbeddedExample(task.taskId(), cached.get().embedding(), task.labelIndex(), cached.get().features()));
            } else {
                missing.add(task);
            }
        }
        int fromCache = examples.size();
        ImageTensors tensors = new ImageTensors(backbone.inputSize());
        for (int from = 0; from < missing.size(); from += CHUNK) {
            if (cancelled.getAsBoolean()) {
                throw new TrainingCancelledException();
            }
            List<DatasetAssembler.LabeledTask> chunk = missing.subList(from, Math.min(missing.size(), from + CHUNK));
            // Not remembered by the assembler: after this the cache holds the image's features at a fraction of the size.
            List<Example> loaded = assembler.examples(project, chunk, tensors, false);
            List<float[]> embeddings = backbone.embedRgb(loaded.stream().map(Example::pixels).toList());
            for (int i = 0; i < loaded.size(); i++) {
                Example e = loaded.get(i);
                String imageRef = chunk.stream().filter(t -> t.taskId() == e.taskId()).findFirst().orElseThrow().imageRef();
                cache.put(project, e.taskId(), imageRef, new EmbeddingCache.Entry(embeddings.get(i), e.features()));
                examples.add(new EmbeddedExample(e.taskId(), embeddings.get(i), e.label(), e.features()));
            }
        }
        examples.sort(Comparator.comparingLong(EmbeddedExample::taskId));
        return new Embedded(examples, examples.size() - fromCache, fromCache);
    }

    /**
     * Embedded examples and where their features came from.
     *
     * @param embedded examples that went through the backbone in this call
     * @param cached examples read from the cache
     */
    record Embedded(List<EmbeddedExample> examples, int embedded, int cached) {

        Embedded {
            examples = List.copyOf(examples);
        }
    }
}
