package dev.flywheel.backend.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.awt.image.BufferedImage;
import java.util.List;

/** One image in, the built-in detector's candidates in image pixels out; the only place its tensors appear. */
final class GridTranslator implements Translator<BufferedImage, List<Detection>> {

    private static final String SIZE = "size";

    private final ImageTensors tensors;
    private final GridCodec codec;
    private final List<String> labels;
    private final double minScore;

    GridTranslator(int inputSize, List<String> labels, double minScore) {
        this.tensors = new ImageTensors(inputSize);
        this.codec = new GridCodec(inputSize / GridDetectorNet.STRIDE, labels.size());
        this.labels = List.copyOf(labels);
        this.minScore = minScore;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, BufferedImage image) {
        ctx.setAttachment(SIZE, new int[] {image.getWidth(), image.getHeight()});
        int size = tensors.size();
        return new NDList(ctx.getNDManager().create(tensors.toChw(image), new Shape(3, size, size)));
    }

    @Override
    public List<Detection> processOutput(TranslatorContext ctx, NDList list) {
        NDArray output = list.singletonOrThrow();
        int[] size = (int[]) ctx.getAttachment(SIZE);
        return codec.decode(output.toFloatArray(), minScore).stream()
                .map(d -> new Detection(labels.get(d.classIndex()), d.score(),
                        new PixelBox(d.left() * size[0], d.top() * size[1], Math.max(0, d.width() * size[0]), Math.max(0, d.height() * size[1]))))
                .toList();
    }

    @Override
    public Batchifier getBatchifier() {
        return Batchifier.STACK;
    }
}
