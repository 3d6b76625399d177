package dev.flywheel.backend.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;

/**
 * Feeds a backbone one normalised CHW image and reads back its feature vector; the only place backbone tensors
 * appear. A backbone answers {@code [N, D]} or, ending in a pooling layer, {@code [N, D, 1, 1]}; anything else is
 * refused, so a detector or a full classifier given by mistake fails at start, not in a training run.
 */
final class BackboneTranslator implements Translator<float[], float[]> {

    private final int size;

    BackboneTranslator(int size) {
        this.size = size;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, float[] chw) {
        return new NDList(ctx.getNDManager().create(chw, new Shape(3, size, size)));
    }

    @Override
    public float[] processOutput(TranslatorContext ctx, NDList list) {
        NDArray features = list.get(0);
        Shape shape = features.getShape();
        boolean flat = shape.dimension() == 1;
        boolean pooled = shape.dimension() == 3 && shape.get(1) == 1 && shape.get(2) == 1;
        if (!flat && !pooled) {
            throw new IllegalArgumentException("a backbone must answer [N, D] or [N, D, 1, 1]; it answered [N, "
                    + shape.toString().replaceAll("[()]", "") + "]");
        }
        return features.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
    }

    @Override
    public Batchifier getBatchifier() {
        return Batchifier.STACK;
    }
}
