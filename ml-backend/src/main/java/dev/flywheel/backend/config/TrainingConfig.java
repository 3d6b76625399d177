package dev.flywheel.backend.config;

import dev.flywheel.backend.training.Augmentation;
import dev.flywheel.backend.training.TrainingPolicy;
import dev.flywheel.backend.training.TrainingSettings;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How big a training run is, read from the environment: the defaults of {@link TrainingSettings#defaults()} unless
 * {@code FLYWHEEL_TRAINING_INPUT_SIZE}, {@code FLYWHEEL_TRAINING_IMAGE_BUDGET}, {@code FLYWHEEL_TRAINING_MAX_EPOCHS} or
 * {@code FLYWHEEL_TRAINING_AUGMENT} say otherwise. Smaller runs keep a slow or shared machine (and the plugin's UI tests) responsive.
 * When it runs: {@link TrainingPolicy#defaults()}, with {@code FLYWHEEL_TRAINING_CATCH_UP_SECONDS} for the pause after which
 * whatever changed trains (0: only when enough changed, or on Start Training).
 */
public final class TrainingConfig {

    private TrainingConfig() {}

    /** The training settings {@code env} asks for. */
    public static TrainingSettings fromEnvironment(Map<String, String> env) {
        EnvReader read = new EnvReader(env);
        TrainingSettings defaults = TrainingSettings.defaults();
        int inputSize = read.integer("FLYWHEEL_TRAINING_INPUT_SIZE").orElse(defaults.inputSize());
        int budget = read.integer("FLYWHEEL_TRAINING_IMAGE_BUDGET").orElse(defaults.imageBudget());
        int maxEpochs = read.integer("FLYWHEEL_TRAINING_MAX_EPOCHS").orElse(defaults.maxEpochs());
        if (inputSize < 16) {
            throw new ConfigException("FLYWHEEL_TRAINING_INPUT_SIZE", "must be at least 16, was " + inputSize);
        }
        if (budget < 1) {
            throw new ConfigException("FLYWHEEL_TRAINING_IMAGE_BUDGET", "must be at least 1, was " + budget);
        }
        if (maxEpochs < 1) {
            throw new ConfigException("FLYWHEEL_TRAINING_MAX_EPOCHS", "must be at least 1, was " + maxEpochs);
        }
        Augmentation augmentation;
        try {
            augmentation = Augmentation.parse(env.getOrDefault("FLYWHEEL_TRAINING_AUGMENT", defaults.augmentation().describe()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("FLYWHEEL_TRAINING_AUGMENT", e.getMessage());
        }
        return new TrainingSettings(inputSize, defaults.batchSize(), defaults.learningRate(), budget,
                Math.min(defaults.minEpochs(), maxEpochs), maxEpochs, defaults.holdoutFraction(), defaults.seed(), augmentation);
    }

    /** The training policy {@code env} asks for. */
    public static TrainingPolicy policyFromEnvironment(Map<String, String> env) {
        TrainingPolicy defaults = TrainingPolicy.defaults();
        int seconds = new EnvReader(env).integer("FLYWHEEL_TRAINING_CATCH_UP_SECONDS")
                .orElse((int) TrainingPolicy.DEFAULT_CATCH_UP.toSeconds());
        if (seconds < 0) {
            throw new ConfigException("FLYWHEEL_TRAINING_CATCH_UP_SECONDS", "must be 0 (never) or more, was " + seconds);
        }
        return new TrainingPolicy(defaults.minAnnotations(), defaults.minNewAnnotations(), defaults.growthFraction(),
                seconds == 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds)));
    }
}
