package dev.flywheel.backend.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;

/**
 * Maps a preprocessed image to class probabilities and its embedding; the only place classifier tensors appear.
 *
 * <p>Logits are divided by the version's temperature before the softmax, so the scores Label Studio sorts by are
 * calibrated probabilities rather than over-confident ones.
 */
final class ClassifierTranslator implements Translator<float[], ClassifierOutput> {

    private final Shape input;
    private final float temperature;

    ClassifierTranslator(int size, float temperature) {
        this(new Shape(3, size, size), temperature);
    }

    /** For a network whose input is not an image, e.g. a head's {@code [D]} backbone features. */
    ClassifierTranslator(Shape input, float temperature) {
        if (!(temperature > 0f)) {
            throw new IllegalArgumentException("temperature must be positive, was " + temperature);
        }
        this.input = input;
        this.temperature = temperature;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, float[] values) {
        NDArray array = ctx.getNDManager().create(values, input);
        return new NDList(array);
    }

    @Override
    public ClassifierOutput processOutput(TranslatorContext ctx, NDList list) {
        // The networks from ImageClassifierNet/BackboneHeadNet.withEmbeddingOutput answer (logits, embedding).
        float[] probabilities = list.get(0).div(temperature).softmax(-1).toFloatArray();
        return new ClassifierOutput(probabilities, list.get(1).toFloatArray());
    }

    @Override
    public Batchifier getBatchifier() {
        return Batchifier.STACK;
    }
}
