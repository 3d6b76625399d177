package dev.flywheel.backend.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
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
    public static final String ARCHITECTURE = "flywheel-cnn-v2";

    /** Length of the embedding: the units of the hidden layer between the feature map and the classifier. */
    public static final int EMBEDDING_SIZE = 128;

    /** Edge of the feature grid the hidden layer reads, whatever the input size. */
    private static final int GRID = 2;

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
                .add(convUnit(128))
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(convUnit(128))
                // The fourth unit sees the whole 32-pixel image. Its map is read twice: averaged over all places, which
                // recognises an object wherever it sits, and max-pooled to 2x2, which keeps where its parts are (a collar
                // at the top, a sole at the bottom). The first version only averaged after three units; Fashion-MNIST
                // pre-labels were 4-6 points less accurate after 600-2,000 annotations (docs/PERFORMANCE.md).
                .add(new ParallelBlock(ImageClassifierNet::concat, List.of(
                        new SequentialBlock().add(Pool.globalAvgPool2dBlock()).add(Blocks.batchFlattenBlock()),
                        new SequentialBlock().add(new LambdaBlock(ImageClassifierNet::gridPool, "gridPool")).add(Blocks.batchFlattenBlock()))))
                .add(Linear.builder().setUnits(EMBEDDING_SIZE).build())
                .add(Activation::relu)
                .add(Dropout.builder().optRate(0.3f).build())
                .add(Linear.builder().setUnits(classes).build());
    }

    /**
     * The same layers and parameters as {@code trained} (a network from {@link #build}), answering two outputs per
     * image: the logits and the embedding, the hidden layer's activations the head (dropout, linear) reads.
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

    private static NDList concat(List<NDList> branches) {
        return new NDList(branches.get(0).singletonOrThrow().concat(branches.get(1).singletonOrThrow(), 1));
    }

    private static NDList gridPool(NDList input) {
        NDArray x = input.singletonOrThrow();
        long h = x.getShape().get(2);
        long w = x.getShape().get(3);
        if (h < GRID || w < GRID) {
            throw new IllegalArgumentException("input too small for the classifier: a " + h + "x" + w + " feature map");
        }
        Shape window = new Shape(h / GRID, w / GRID);
        return new NDList(Pool.maxPool2d(x, window, window, new Shape(0, 0), false));
    }

    private static Block convUnit(int filters) {
        return new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(filters).build())
                .add(BatchNorm.builder().optMomentum(0.1f).build())
                .add(Activation::relu);
    }
}
