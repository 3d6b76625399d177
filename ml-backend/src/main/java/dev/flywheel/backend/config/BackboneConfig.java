package dev.flywheel.backend.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A user-supplied TorchScript backbone: a frozen feature extractor under a head that Flywheel trains for each
 * classification project.
 *
 * <p>The backbone maps {@code [N, 3, S, S]} float32 to {@code [N, D]} (or {@code [N, D, 1, 1]}). Images are resized to
 * {@code S × S}, scaled to [0, 1] and normalised per channel with {@code mean} and {@code std}; the defaults are
 * ImageNet's, which is what torchvision's pretrained backbones expect.
 *
 * @param model the TorchScript file ({@code FLYWHEEL_BACKBONE})
 * @param inputSize square input edge {@code S} ({@code FLYWHEEL_BACKBONE_INPUT_SIZE}, default 224)
 * @param mean per-channel RGB mean ({@code FLYWHEEL_BACKBONE_MEAN}, three comma-separated numbers)
 * @param std per-channel RGB standard deviation ({@code FLYWHEEL_BACKBONE_STD}, three comma-separated numbers)
 */
public record BackboneConfig(Path model, int inputSize, List<Float> mean, List<Float> std) {

    public static final int DEFAULT_INPUT_SIZE = 224;
    public static final List<Float> IMAGENET_MEAN = List.of(0.485f, 0.456f, 0.406f);
    public static final List<Float> IMAGENET_STD = List.of(0.229f, 0.224f, 0.225f);

    public BackboneConfig {
        Objects.requireNonNull(model, "model");
        mean = List.copyOf(mean);
        std = List.copyOf(std);
        if (!Files.isRegularFile(model) || !Files.isReadable(model)) {
            throw new ConfigException("FLYWHEEL_BACKBONE", "is not a readable file: " + model);
        }
        if (inputSize < 8 || inputSize > 1024) {
            throw new ConfigException("FLYWHEEL_BACKBONE_INPUT_SIZE", "must be between 8 and 1024, was " + inputSize);
        }
        if (mean.size() != 3) {
            throw new ConfigException("FLYWHEEL_BACKBONE_MEAN", "must be three numbers (R, G, B), was " + mean);
        }
        if (std.size() != 3 || std.stream().anyMatch(s -> !(s > 0))) {
            throw new ConfigException("FLYWHEEL_BACKBONE_STD", "must be three positive numbers (R, G, B), was " + std);
        }
    }

    /** The backbone the environment names, or empty when {@code FLYWHEEL_BACKBONE} is unset. */
    static Optional<BackboneConfig> fromEnvironment(EnvReader read) {
        Optional<Path> model = read.text("FLYWHEEL_BACKBONE").map(raw -> Path.of(raw.strip()).toAbsolutePath());
        if (model.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new BackboneConfig(
                model.get(),
                read.integer("FLYWHEEL_BACKBONE_INPUT_SIZE").orElse(DEFAULT_INPUT_SIZE),
                read.decimals("FLYWHEEL_BACKBONE_MEAN").orElse(IMAGENET_MEAN),
                read.decimals("FLYWHEEL_BACKBONE_STD").orElse(IMAGENET_STD)));
    }

    /** As printed at start. */
    public String describe() {
        return model + " (input " + inputSize + ", mean " + mean + ", std " + std + ")";
    }
}
