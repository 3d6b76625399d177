package dev.flywheel.backend.inference;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;

/**
 * Maps a preprocessed image to one independent probability per tag (a sigmoid of each logit) and its embedding; the
 * only place a multi-label classifier's tensors appear.
 */
final class TaggerTranslator implements Translator<float[], ClassifierOutput> {

    private final Shape input;

    TaggerTranslator(int size) {
        this.input = new Shape(3, size, size);
    }

    @Override
    public NDList processInput(TranslatorContext ctx, float[] values) {
        return new NDList(ctx.getNDManager().create(values, input));
    }

    @Override
    public ClassifierOutput processOutput(TranslatorContext ctx, NDList list) {
        // ImageClassifierNet.withEmbeddingOutput answers (logits, embedding).
        return new ClassifierOutput(Activation.sigmoid(list.get(0)).toFloatArray(), list.get(1).toFloatArray());
    }

    @Override
    public Batchifier getBatchifier() {
        return Batchifier.STACK;
    }
}
