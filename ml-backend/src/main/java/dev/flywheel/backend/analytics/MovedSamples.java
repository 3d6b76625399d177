package dev.flywheel.backend.analytics;

import dev.flywheel.model.api.MovedSample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the served images that lie farthest from the training images, so a drift report can show what moved.
 *
 * <p>With embeddings, an image's distance is the Euclidean distance to its nearest training embedding divided by the
 * training embeddings' own median nearest-neighbour distance: 1 is as close as training images are to each other, so
 * the number means the same whatever the embedding's scale. Per feature, its deviation is robust: (value − training
 * median) over 1.4826 × the training median absolute deviation (the standard deviation of a normal sample), or over the
 * standard deviation when half the training images share one value. Images are ranked by distance, or by their
 * largest deviation when there are no embeddings.
 */
public final class MovedSamples {

    /** How many images a report names. */
    public static final int LIMIT = 12;

    /** Scales a median absolute deviation to a normal sample's standard deviation. */
    private static final double MAD_TO_SD = 1.4826;

    private MovedSamples() {}

    /**
     * One image of the window.
     *
     * @param taskId its task, or null
     * @param image the task's image reference, or null
     * @param servedAt ISO-8601 time it was served
     * @param embedding the serving version's embedding of it (may be empty)
     * @param features its features
     */
    public record Served(Long taskId, String image, String servedAt, double[] embedding, ImageFeatures features) {

        public Served {
            embedding = embedding.clone();
        }
    }

    /** The {@code limit} images of {@code window} farthest from {@code reference}, farthest first. */
    public static List<MovedSample> farthest(DriftSample reference, List<Served> window, int limit) {
        double[][] trained = reference.embeddingMatrix();
        boolean withEmbeddings = trained.length >= 2 && window.stream().allMatch(s -> s.embedding().length == trained[0].length);
        double typical = withEmbeddings ? typicalNeighbourDistance(trained) : 1;
        Map<String, double[]> centre = new LinkedHashMap<>();
        if (!reference.features().isEmpty()) {
            for (String name : ImageFeatures.NAMES) {
                centre.put(name, centreAndScale(reference.feature(name)));
            }
        }
        List<Ranked> ranked = new ArrayList<>(window.size());
        for (Served s : window) {
            Double distance = withEmbeddings ? Math.sqrt(nearest(s.embedding(), trained)) / typical : null;
            Map<String, Double> deviations = new LinkedHashMap<>();
            String most = null;
            double largest = -1;
            for (Map.Entry<String, Double> f : s.features().asMap().entrySet()) {
                double[] cs = centre.get(f.getKey());
                if (cs == null) {
                    continue;
                }
                double z = (f.getValue() - cs[0]) / cs[1];
                deviations.put(f.getKey(), z);
                if (Math.abs(z) > largest) {
                    largest = Math.abs(z);
                    most = f.getKey();
                }
            }
            double score = distance != null ? distance : Math.max(largest, 0);
            ranked.add(new Ranked(score, new MovedSample(s.taskId(), s.image(), s.servedAt(), distance, s.features().asMap(), deviations,
                    most)));
        }
        // Newest first among equals: the latest images say most about what the version sees now.
        return ranked.stream()
                .sorted(Comparator.comparingDouble(Ranked::score).reversed()
                        .thenComparing(r -> r.sample().servedAt(), Comparator.reverseOrder()))
                .limit(limit)
                .map(Ranked::sample)
                .toList();
    }

    /** The median and the robust scale of a feature's training values; the scale is never zero. */
    static double[] centreAndScale(double[] values) {
        double median = DriftAnalysis.median(values);
        double[] absolute = Arrays.stream(values).map(v -> Math.abs(v - median)).toArray();
        double scale = MAD_TO_SD * DriftAnalysis.median(absolute);
        if (scale <= 0) {
            double mean = Arrays.stream(values).average().orElse(0);
            scale = Math.sqrt(Arrays.stream(values).map(v -> (v - mean) * (v - mean)).average().orElse(0));
        }
        // A feature every training image shared (one camera's width): a move of 1 % of it counts as one unit.
        return new double[] {median, scale > 0 ? scale : Math.max(1e-6, Math.abs(median) / 100)};
    }

    /** The median distance from each training embedding to its nearest other one (1 when they all coincide). */
    static double typicalNeighbourDistance(double[][] trained) {
        double[] distances = new double[trained.length];
        for (int i = 0; i < trained.length; i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < trained.length; j++) {
                if (i != j) {
                    best = Math.min(best, squaredDistance(trained[i], trained[j], best));
                }
            }
            distances[i] = Math.sqrt(best);
        }
        double median = DriftAnalysis.median(distances);
        return median > 0 ? median : 1;
    }

    private static double nearest(double[] point, double[][] trained) {
        double best = Double.POSITIVE_INFINITY;
        for (double[] t : trained) {
            best = Math.min(best, squaredDistance(point, t, best));
        }
        return best;
    }

    /** The squared distance, or any value of at least {@code bound} once the sum passes it (a nearest search needs no more). */
    private static double squaredDistance(double[] a, double[] b, double bound) {
        double s = 0;
        for (int d = 0; d < a.length && s < bound; d++) {
            double diff = a[d] - b[d];
            s += diff * diff;
        }
        return s;
    }

    private record Ranked(double score, MovedSample sample) {}
}
