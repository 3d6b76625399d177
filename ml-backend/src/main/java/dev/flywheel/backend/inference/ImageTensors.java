package dev.flywheel.backend.inference;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Turns decoded images into the network's input: resized to a square, RGB, channels first, scaled to [0, 1] and
 * centred. Plain arrays, so training and inference share the exact same preprocessing.
 */
public final class ImageTensors {

    private static final float MEAN = 0.5f;
    private static final float STD = 0.25f;

    private final int size;

    public ImageTensors(int size) {
        if (size < 8 || size > 1024) {
            throw new IllegalArgumentException("input size must be between 8 and 1024 pixels, was " + size);
        }
        this.size = size;
    }

    public int size() {
        return size;
    }

    /** Values for one image in CHW order, {@code 3 * size * size} floats. */
    public float[] toChw(BufferedImage image) {
        return normalize(toRgb(image));
    }

    /**
     * The resized image as CHW bytes: a quarter of the memory of floats, so training sets of tens of thousands of
     * images stay in memory between epochs.
     */
    public byte[] toRgb(BufferedImage image) {
        BufferedImage resized = resize(image);
        int plane = size * size;
        byte[] chw = new byte[3 * plane];
        int[] rgb = resized.getRGB(0, 0, size, size, null, 0, size);
        for (int i = 0; i < plane; i++) {
            int pixel = rgb[i];
            chw[i] = (byte) (pixel >> 16);
            chw[plane + i] = (byte) (pixel >> 8);
            chw[2 * plane + i] = (byte) pixel;
        }
        return chw;
    }

    /** Scales CHW bytes from {@link #toRgb} to the network's centred floats. */
    public float[] normalize(byte[] chw) {
        float[] values = new float[chw.length];
        normalizeInto(chw, values, 0);
        return values;
    }

    /** Like {@link #normalize(byte[])}, writing into {@code target} from {@code offset}, for building batches. */
    public void normalizeInto(byte[] chw, float[] target, int offset) {
        for (int i = 0; i < chw.length; i++) {
            target[offset + i] = ((chw[i] & 0xFF) / 255f - MEAN) / STD;
        }
    }

    private BufferedImage resize(BufferedImage image) {
        BufferedImage target = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_SPEED);
            g.drawImage(image, 0, 0, size, size, null);
        } finally {
            g.dispose();
        }
        return target;
    }
}
