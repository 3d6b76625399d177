package dev.flywheel.backend.inference;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

/** Loads versions of the built-in grid detector into memory, with a small predictor pool (DJL predictors are not shared). */
public final class LoadedDetector {

    /** Parameter file prefix inside a version folder. */
    public static final String PARAMS_NAME = "flywheel-detector";
    private static final double MIN_CANDIDATE_SCORE = 0.01;
    private static final int MAX_BATCH = 32;

    private LoadedDetector() {}

    /** Loads saved parameters of {@link GridDetectorNet} for {@code labels} (output order). */
    public static Detector load(Path versionDir, String version, List<String> labels, int inputSize, int poolSize) {
        return new SavedNetwork(versionDir, version, PARAMS_NAME, "the grid detector").load(GridDetectorNet.build(labels.size()),
                block -> block, model -> new Detector(version, labels,
                        new PredictorPool<>(version, model, new GridTranslator(inputSize, labels, MIN_CANDIDATE_SCORE), poolSize, MAX_BATCH)));
    }
}
