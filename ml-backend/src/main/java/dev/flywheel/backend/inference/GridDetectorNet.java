package dev.flywheel.backend.inference;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;

/**
 * The built-in detector: a small single-scale grid detector (YOLO v1/v2-like, one box per cell) that trains from
 * scratch in seconds on two CPU cores. DJL's model-zoo SSD relies on MXNet-only multibox operators, so it cannot
 * train on the PyTorch engine; this network needs only convolutions.
 *
 * <p>Input {@code [B, 3, S, S]}; output {@code [B, 5 + C, S/8, S/8]}: per cell objectness logit, box
 * {@code tx, ty, tw, th} (logits; see {@link GridCodec}) and one logit per class.
 */
public final class GridDetectorNet {

    /** The architecture name written into every manifest; bump it when the layers or the codec change. */
    public static final String ARCHITECTURE = "flywheel-grid-detector-v1";
    /** Input pixels per grid cell. */
    public static final int STRIDE = 8;

    private GridDetectorNet() {}

    public static Block build(int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("a detector needs at least one class, got " + classes);
        }
        return new SequentialBlock()
                .add(convUnit(32, 3))
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(convUnit(64, 3))
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(convUnit(96, 3))
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(convUnit(128, 3))
                .add(convUnit(128, 3))
                .add(Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(5 + classes).build());
    }

    private static Block convUnit(int filters, int kernel) {
        int pad = kernel / 2;
        return new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(kernel, kernel)).optPadding(new Shape(pad, pad)).setFilters(filters).build())
                .add(BatchNorm.builder().build())
                .add(Activation::relu);
    }
}
