package dev.flywheel.backend.analytics;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cheap per-image scalars whose distribution shift betrays a change of camera, lighting or source.
 *
 * @param brightness mean luma in [0, 1] (Rec. 601 weights on sRGB values)
 * @param contrast standard deviation of luma, in [0, 0.5]
 * @param width pixels
 * @param height pixels
 * @param aspectRatio width over height
 */
public record ImageFeatures(double brightness, double contrast, double width, double height, double aspectRatio) {

    /** The feature names, in the order of {@link #asMap()}. */
    public static final java.util.List<String> NAMES = java.util.List.of("brightness", "contrast", "width", "height", "aspect_ratio");

    /** Measures a decoded image; alpha is ignored. */
    public static ImageFeatures of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] row = new int[w];
        // Welford's running mean and variance: no cancellation, so a flat image has exactly zero contrast.
        long count = 0;
        double mean = 0;
        double m2 = 0;
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int rgb : row) {
                double luma = (0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff)) / 255;
                count++;
                double delta = luma - mean;
                mean += delta / count;
                m2 += delta * (luma - mean);
            }
        }
        return new ImageFeatures(mean, Math.sqrt(m2 / count), w, h, (double) w / h);
    }

    /** The features by name, in {@link #NAMES} order. */
    public Map<String, Double> asMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put("brightness", brightness);
        map.put("contrast", contrast);
        map.put("width", width);
        map.put("height", height);
        map.put("aspect_ratio", aspectRatio);
        return map;
    }
}
