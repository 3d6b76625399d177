package dev.flywheel.backend.config;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The operator's adjustments to how the built-in classifier trains, for small machines and for tests that run the
 * real {@code Main}; absent values keep the defaults.
 *
 * @param inputSize {@code FLYWHEEL_TRAINING_INPUT_SIZE}: square input edge in pixels
 * @param imageBudget {@code FLYWHEEL_TRAINING_IMAGE_BUDGET}: examples processed per run
 */
public record TrainingOverrides(Optional<Integer> inputSize, Optional<Integer> imageBudget) {

    public TrainingOverrides {
        Objects.requireNonNull(inputSize, "inputSize");
        Objects.requireNonNull(imageBudget, "imageBudget");
        if (inputSize.filter(size -> size < 8).isPresent()) {
            throw new ConfigException("FLYWHEEL_TRAINING_INPUT_SIZE", "must be at least 8, was " + inputSize.get());
        }
        if (imageBudget.filter(budget -> budget < 1).isPresent()) {
            throw new ConfigException("FLYWHEEL_TRAINING_IMAGE_BUDGET", "must be positive, was " + imageBudget.get());
        }
    }

    /** Reads the overrides from environment variables. */
    public static TrainingOverrides fromEnvironment(Map<String, String> env) {
        EnvReader read = new EnvReader(env);
        return new TrainingOverrides(read.integer("FLYWHEEL_TRAINING_INPUT_SIZE"), read.integer("FLYWHEEL_TRAINING_IMAGE_BUDGET"));
    }
}
