package dev.flywheel.backend.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * One image in, its detections in image pixels out; the only place detector tensors appear.
 *
 * <p>No batchifier: the input gets its batch dimension here and the output is read whole, so the layouts of
 * {@link YoloOutput} (with or without a batch dimension) all pass, and detectors exported for batch size 1 work.
 */
final class YoloTranslator implements Translator<BufferedImage, List<Detection>> {

    private static final String LETTERBOX = "letterbox";

    private final int size;
    private final List<String> classes;
    private final double minScore;

    YoloTranslator(int size, List<String> classes, double minScore) {
        this.size = size;
        this.classes = List.copyOf(classes);
        this.minScore = minScore;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, BufferedImage image) {
        Letterbox letterbox = Letterbox.of(image.getWidth(), image.getHeight(), size);
        ctx.setAttachment(LETTERBOX, letterbox);
        NDArray array = ctx.getNDManager().create(letterbox.toChw(image), new Shape(1, 3, size, size));
        return new NDList(array);
    }

    @Override
    public List<Detection> processOutput(TranslatorContext ctx, NDList list) {
        NDArray output = list.get(0);
        Letterbox letterbox = (Letterbox) ctx.getAttachment(LETTERBOX);
        List<Detection> inInput = YoloOutput.decode(output.toFloatArray(), output.getShape().getShape(), classes, minScore);
        return inInput.stream().map(d -> new Detection(d.label(), d.score(), letterbox.toImage(d.box()))).toList();
    }

    @Override
    public Batchifier getBatchifier() {
        return null;
    }
}
