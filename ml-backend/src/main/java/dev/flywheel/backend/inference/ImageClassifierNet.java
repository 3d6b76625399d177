package dev.flywheel.backend.inference;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * The built-in image classifier: a small convolutional network that trains in seconds on two CPU cores.
 *
 * <p>Training and inference both build it here, so a saved version's parameters always fit the block that loads them.
 */
public final class ImageClassifierNet {

    /** The architecture name written into every manifest; bump it when the layers change. */
    public static final String ARCHITECTURE = "flywheel-cnn-v1";

    /** Length of the embedding: the filters of the last convolutional unit. */
    public static final int EMBEDDING_SIZE = 128;

    /** The layers after the embedding: dropout and the linear classifier. */
    private static final int HEAD_LAYERS = 2;

    private ImageClassifierNet() {}

    /** A fresh, uninitialised network with one output (a logit) per class. */
    public static Block build(int classes) {
        if (classes < 2) {
            throw new IllegalArgumentException("a classifier needs at least two classes, got " + classes);
        }
        return new SequentialBlock()
                .add(convUnit(32))
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(convUnit(64))
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(convUnit(EMBEDDING_SIZE))
                .add(Pool.globalAvgPool2dBlock())
                .add(Blocks.batchFlattenBlock())
                .add(Dropout.builder().optRate(0.2f).build())
                .add(Linear.builder().setUnits(classes).build());
    }

    /**
     * The same layers and parameters as {@code trained} (a network from {@link #build}), answering two outputs per
     * image: the logits and the embedding, the pooled and flattened activations the head (dropout, linear) reads.
     * One forward pass gives both, so a served image's embedding costs nothing extra.
     */
    static Block withEmbeddingOutput(Block trained) {
        if (!(trained instanceof SequentialBlock net)) {
            throw new IllegalArgumentException("not a network built by ImageClassifierNet: " + trained.getClass().getSimpleName());
        }
        List<Block> layers = net.getChildren().values();
        int headStart = layers.size() - HEAD_LAYERS;
        SequentialBlock head = new SequentialBlock().addAll(layers.subList(headStart, layers.size()));
        return new SequentialBlock()
                .addAll(layers.subList(0, headStart))
                .add(new ParallelBlock(outputs -> new NDList(outputs.get(0).singletonOrThrow(), outputs.get(1).singletonOrThrow()),
                        List.of(head, Blocks.identityBlock())));
    }

    private static Block convUnit(int filters) {
        return new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(filters).build())
                .add(BatchNorm.builder().optMomentum(0.1f).build())
                .add(Activation::relu);
    }
}
