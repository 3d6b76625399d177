package dev.flywheel.backend.training;

import dev.flywheel.backend.analytics.LabeledBox;
import dev.flywheel.backend.inference.GridDetectorNet;
import java.util.Arrays;
import java.util.List;

/**
 * How the built-in detector trains on a project's data, chosen from the data: the input edge at which the project's
 * small boxes (the tenth percentile of their size) still span {@link #CELLS} cells of the detector's grid, never larger
 * than the images themselves nor {@link #MAX_INPUT}; and as many epochs as {@link #PIXEL_BUDGET} input pixels allow, so
 * that a run takes about the same time whatever the dataset's size (a minute for 1,000 images on two shared cores).
 *
 * @param inputSize square input edge, a multiple of the grid's stride
 * @param epochs passes over the training images
 */
record DetectorPlan(int inputSize, int epochs) {

    /** Grid cells a small box spans along its geometric-mean side: one cell is too coarse to place and size it. */
    static final double CELLS = 2;
    static final int MIN_INPUT = 4 * GridDetectorNet.STRIDE;
    /** Input edges come in steps of this many pixels, so that successive runs keep one edge and warm-start. */
    static final int EDGE_STEP = 4 * GridDetectorNet.STRIDE;
    /** 128 px costs 1.8× the time per image of 96 px, at 13-45 images/s on two shared cores. */
    static final int MAX_INPUT = 128;
    /**
     * Input pixels one run processes (images × edge²): at 96 px on two shared cores the detector trained 44-70 images a
     * second (docs/PERFORMANCE.md), so 40 million pixels (4,300 images at 96 px, 2,400 at 128 px) take about a minute.
     */
    static final long PIXEL_BUDGET = 40_000_000L;
    static final int MIN_EPOCHS = 2;
    static final int MAX_EPOCHS = 60;
    /** The project's first run is short: a version seconds after the tenth annotation, full runs after it. */
    static final int FIRST_RUN_MAX_EPOCHS = 8;

    public DetectorPlan {
        if (inputSize % GridDetectorNet.STRIDE != 0 || inputSize < MIN_INPUT || epochs < 1) {
            throw new IllegalArgumentException("invalid detector plan " + inputSize + " px, " + epochs + " epochs");
        }
    }

    /**
     * The input edge for {@code boxes} (in percent of their images) on images whose larger side is {@code imageEdge}
     * pixels (0 when unknown).
     */
    static int inputFor(List<LabeledBox> boxes, double imageEdge) {
        int stride = GridDetectorNet.STRIDE;
        int ceiling = imageEdge > 0 ? Math.min(MAX_INPUT, roundUp((int) Math.ceil(imageEdge), EDGE_STEP)) : MAX_INPUT;
        ceiling = Math.max(MIN_INPUT, ceiling);
        double[] sizes = boxes.stream().filter(b -> b.width() > 0 && b.height() > 0)
                .mapToDouble(b -> Math.sqrt(b.width() * b.height()) / 100).sorted().toArray();
        if (sizes.length == 0) {
            return Math.min(ceiling, 96);
        }
        double small = sizes[(int) Math.floor(0.1 * (sizes.length - 1))];
        // Rounded up to a multiple of 32 px rather than of the stride: the tenth percentile moves a little as boxes come in,
        // and a run at another edge cannot warm-start from its parent (the scenes benchmark's runs went 112 then 104 px).
        int wanted = roundUp((int) Math.ceil(CELLS * stride / Math.max(small, 1e-3)), EDGE_STEP);
        return Math.clamp(wanted, MIN_INPUT, ceiling);
    }

    /** The plan for {@code trainingImages} at {@code inputSize}; a first run is cut to {@link #FIRST_RUN_MAX_EPOCHS}. */
    static DetectorPlan of(int inputSize, int trainingImages, boolean firstRun) {
        long perEpoch = (long) inputSize * inputSize * Math.max(1, trainingImages);
        int epochs = Math.clamp(PIXEL_BUDGET / perEpoch, MIN_EPOCHS, MAX_EPOCHS);
        return new DetectorPlan(inputSize, firstRun ? Math.min(epochs, FIRST_RUN_MAX_EPOCHS) : epochs);
    }

    /** The median of {@code edges}, 0 for none. */
    static double median(double[] edges) {
        if (edges.length == 0) {
            return 0;
        }
        double[] sorted = edges.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static int roundUp(int value, int multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }
}
