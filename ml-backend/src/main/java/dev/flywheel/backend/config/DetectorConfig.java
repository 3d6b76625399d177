package dev.flywheel.backend.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A user-supplied object detector and how its boxes become pre-labels.
 *
 * @param model TorchScript ({@code .pt}, {@code .torchscript}) or ONNX ({@code .onnx}) file ({@code FLYWHEEL_DETECTOR})
 * @param names its class names, one per line in output order ({@code FLYWHEEL_DETECTOR_NAMES}; default the sidecar
 *     {@code <model>.names}, else {@code <model without extension>.names})
 * @param inputSize square input edge the model expects ({@code FLYWHEEL_DETECTOR_INPUT_SIZE}, default 640)
 * @param scoreThreshold boxes below are dropped unless the control sets {@code model_score_threshold}
 *     ({@code FLYWHEEL_DETECTOR_SCORE_THRESHOLD}, default 0.25)
 * @param iouThreshold class-wise non-maximum suppression overlap ({@code FLYWHEEL_DETECTOR_IOU_THRESHOLD}, default 0.45)
 */
public record DetectorConfig(Path model, Path names, int inputSize, double scoreThreshold, double iouThreshold) {

    public static final int DEFAULT_INPUT_SIZE = 640;
    public static final double DEFAULT_SCORE_THRESHOLD = 0.25;
    public static final double DEFAULT_IOU_THRESHOLD = 0.45;

    public DetectorConfig {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(names, "names");
        if (!Files.isRegularFile(model)) {
            throw new ConfigException("FLYWHEEL_DETECTOR", "is not a readable file: " + model);
        }
        String file = model.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!file.endsWith(".pt") && !file.endsWith(".torchscript") && !file.endsWith(".onnx")) {
            throw new ConfigException("FLYWHEEL_DETECTOR", "must be TorchScript (.pt, .torchscript) or ONNX (.onnx), was " + model);
        }
        if (!Files.isRegularFile(names)) {
            throw new ConfigException("FLYWHEEL_DETECTOR_NAMES", "is not a readable file: " + names + " (one class name per line)");
        }
        if (inputSize < 32 || inputSize > 4096) {
            throw new ConfigException("FLYWHEEL_DETECTOR_INPUT_SIZE", "must be between 32 and 4096, was " + inputSize);
        }
        if (!(scoreThreshold >= 0 && scoreThreshold <= 1)) {
            throw new ConfigException("FLYWHEEL_DETECTOR_SCORE_THRESHOLD", "must be in [0, 1], was " + scoreThreshold);
        }
        if (!(iouThreshold > 0 && iouThreshold <= 1)) {
            throw new ConfigException("FLYWHEEL_DETECTOR_IOU_THRESHOLD", "must be in (0, 1], was " + iouThreshold);
        }
    }

    /** The detector the environment names, or empty when {@code FLYWHEEL_DETECTOR} is unset. */
    static Optional<DetectorConfig> fromEnvironment(EnvReader read) {
        Optional<Path> model = read.text("FLYWHEEL_DETECTOR").map(raw -> Path.of(raw.strip()).toAbsolutePath());
        if (model.isEmpty()) {
            return Optional.empty();
        }
        Path names = read.text("FLYWHEEL_DETECTOR_NAMES").map(raw -> Path.of(raw.strip()).toAbsolutePath())
                .orElseGet(() -> sidecarNames(model.get()));
        return Optional.of(new DetectorConfig(
                model.get(),
                names,
                read.integer("FLYWHEEL_DETECTOR_INPUT_SIZE").orElse(DEFAULT_INPUT_SIZE),
                read.decimal("FLYWHEEL_DETECTOR_SCORE_THRESHOLD").orElse(DEFAULT_SCORE_THRESHOLD),
                read.decimal("FLYWHEEL_DETECTOR_IOU_THRESHOLD").orElse(DEFAULT_IOU_THRESHOLD)));
    }

    private static Path sidecarNames(Path model) {
        Path full = model.resolveSibling(model.getFileName() + ".names");
        if (Files.isRegularFile(full)) {
            return full;
        }
        String file = model.getFileName().toString();
        int dot = file.lastIndexOf('.');
        return model.resolveSibling((dot > 0 ? file.substring(0, dot) : file) + ".names");
    }

    /** As printed at start. */
    public String describe() {
        return model + " (names " + names + ", input " + inputSize + ", score " + scoreThreshold + ", IoU " + iouThreshold + ")";
    }
}
