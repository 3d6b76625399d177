package dev.flywheel.backend.training;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the built-in classifier trains.
 *
 * @param inputSize square input edge in pixels, at least 16 (the network pools it four times)
 * @param batchSize examples per step (32 was fastest on two cores; 128 often slower)
 * @param learningRate Adam's step size
 * @param imageBudget examples to process per run; epochs = budget / dataset size, within the epoch bounds, so a run
 *     takes about the same time whatever the dataset size
 * @param minEpochs fewest passes over the data
 * @param maxEpochs most passes over the data
 * @param holdoutFraction share of each class kept out of training for evaluation and calibration
 * @param seed seed of the split, the shuffles and the initial weights, so a run can be repeated
 * @param augmentation what training does to the images it draws
 */
public record TrainingSettings(
        int inputSize, int batchSize, float learningRate, int imageBudget, int minEpochs, int maxEpochs, double holdoutFraction, long seed,
        Augmentation augmentation) {

    public TrainingSettings {
        java.util.Objects.requireNonNull(augmentation, "augmentation");
        if (inputSize < 16 || batchSize < 1 || !(learningRate > 0) || imageBudget < 1 || minEpochs < 1 || maxEpochs < minEpochs) {
            throw new IllegalArgumentException("invalid training settings");
        }
        if (!(holdoutFraction >= 0 && holdoutFraction < 1)) {
            throw new IllegalArgumentException("holdoutFraction must be in [0, 1)");
        }
    }

    /** Settings without augmentation. */
    public TrainingSettings(
            int inputSize, int batchSize, float learningRate, int imageBudget, int minEpochs, int maxEpochs, double holdoutFraction, long seed) {
        this(inputSize, batchSize, learningRate, imageBudget, minEpochs, maxEpochs, holdoutFraction, seed, Augmentation.NONE);
    }

    /** The same settings with {@code augmentation}. */
    public TrainingSettings withAugmentation(Augmentation augmentation) {
        return new TrainingSettings(inputSize, batchSize, learningRate, imageBudget, minEpochs, maxEpochs, holdoutFraction, seed, augmentation);
    }

    public static TrainingSettings defaults() {
        // 32 px: on two shared cores 64 px made every run take minutes (Fashion-MNIST replay: 75 images/s, 143 s from the
        // 200th annotation to its version). 15,000 images per run and a tenth held out rather than a fifth: on the trainer's
        // learning curve (LearningExperiment) 0.740 / 0.809 / 0.837 / 0.866 after 200 / 600 / 1,000 / 2,000 labels, where
        // 6,000 and a fifth gave 0.714 / 0.807 / 0.828 / 0.847; the larger runs are cut short while a fast annotator's
        // labels overtake them (RunRequest#overtaken). See docs/PERFORMANCE.md.
        return new TrainingSettings(32, 32, 0.002f, 15_000, 4, 40, 0.1, 42L);
    }

    /**
     * Images a project's first run processes at most: on ten labels it is ready in a second or two, so pre-labels
     * start at about the thirtieth task even for an annotator who labels several tasks a second.
     */
    public static final int FIRST_RUN_IMAGE_BUDGET = 600;

    /** Most epochs of a project's first run: each epoch also scores the hold-out, which on ten labels is most of its time. */
    public static final int FIRST_RUN_MAX_EPOCHS = 15;

    /**
     * The settings of a project's first run: the same network and input, at most {@link #FIRST_RUN_IMAGE_BUDGET} images
     * and {@link #FIRST_RUN_MAX_EPOCHS} epochs.
     */
    TrainingSettings firstRun() {
        int budget = Math.min(imageBudget, FIRST_RUN_IMAGE_BUDGET);
        int fewest = Math.min(minEpochs, 2);
        int most = Math.max(fewest, Math.min(maxEpochs, FIRST_RUN_MAX_EPOCHS));
        return new TrainingSettings(inputSize, batchSize, learningRate, budget, fewest, most, holdoutFraction, seed, augmentation);
    }

    /** The settings of a cross-validation fold's model: every one of its examples trains, within {@code imageBudget}. */
    TrainingSettings forFold(int imageBudget) {
        return new TrainingSettings(inputSize, batchSize, learningRate, imageBudget, minEpochs, maxEpochs, 0.0, seed, augmentation);
    }

    int epochsFor(int trainingExamples) {
        int epochs = (int) Math.round((double) imageBudget / Math.max(1, trainingExamples));
        return Math.max(minEpochs, Math.min(maxEpochs, epochs));
    }

    /** The settings as written into a manifest. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("input_size", inputSize);
        map.put("batch_size", batchSize);
        map.put("learning_rate", learningRate);
        map.put("image_budget", imageBudget);
        map.put("min_epochs", minEpochs);
        map.put("max_epochs", maxEpochs);
        map.put("holdout_fraction", holdoutFraction);
        map.put("seed", seed);
        map.put("optimizer", "adam");
        map.put("learning_rate_schedule", "cosine to 1/20");
        map.put("sampling", "class-balanced");
        map.put("augmentation", augmentation.describe());
        return map;
    }
}
