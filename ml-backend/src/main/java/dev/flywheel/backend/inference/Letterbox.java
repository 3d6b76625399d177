package dev.flywheel.backend.inference;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * YOLO's letterbox: the image scaled to fit a square input without distortion, centred, the rest grey (114). Maps the
 * detector's input pixels back to the image's pixels.
 *
 * @param size the square input edge
 * @param scale input pixels per image pixel
 * @param padX grey columns left of the image
 * @param padY grey rows above the image
 */
record Letterbox(int size, double scale, double padX, double padY) {

    private static final int PAD_GREY = 114;

    /** The letterbox of an image of the given size in a square input of {@code size}. */
    public static Letterbox of(int imageWidth, int imageHeight, int size) {
        if (imageWidth <= 0 || imageHeight <= 0 || size <= 0) {
            throw new IllegalArgumentException("sizes must be positive: " + imageWidth + "x" + imageHeight + " into " + size);
        }
        double scale = Math.min((double) size / imageWidth, (double) size / imageHeight);
        int scaledWidth = Math.max(1, (int) Math.round(imageWidth * scale));
        int scaledHeight = Math.max(1, (int) Math.round(imageHeight * scale));
        return new Letterbox(size, scale, (size - scaledWidth) / 2, (size - scaledHeight) / 2);
    }

    /** A box in input pixels as a box in image pixels (not clamped). */
    public PixelBox toImage(PixelBox input) {
        return new PixelBox((input.left() - padX) / scale, (input.top() - padY) / scale, input.width() / scale, input.height() / scale);
    }

    /** The letterboxed image (the one this letterbox was made for) as RGB floats in [0, 1], channels first: {@code 3 * size * size} values. */
    public float[] toChw(BufferedImage image) {
        BufferedImage canvas = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setColor(new Color(PAD_GREY, PAD_GREY, PAD_GREY));
            g.fillRect(0, 0, size, size);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            int scaledWidth = Math.max(1, (int) Math.round(image.getWidth() * scale));
            int scaledHeight = Math.max(1, (int) Math.round(image.getHeight() * scale));
            g.drawImage(image, (int) padX, (int) padY, scaledWidth, scaledHeight, null);
        } finally {
            g.dispose();
        }
        int plane = size * size;
        float[] chw = new float[3 * plane];
        int[] rgb = canvas.getRGB(0, 0, size, size, null, 0, size);
        for (int i = 0; i < plane; i++) {
            int pixel = rgb[i];
            chw[i] = ((pixel >> 16) & 0xFF) / 255f;
            chw[plane + i] = ((pixel >> 8) & 0xFF) / 255f;
            chw[2 * plane + i] = (pixel & 0xFF) / 255f;
        }
        return chw;
    }
}
