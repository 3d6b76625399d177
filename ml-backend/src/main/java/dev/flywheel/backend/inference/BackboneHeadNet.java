package dev.flywheel.backend.inference;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import dev.flywheel.backend.registry.ModelManifest;
import java.util.List;
import java.util.Optional;

/**
 * The head Flywheel trains on a frozen backbone's features: a batch normalisation without scale or shift, then one
 * linear layer.
 *
 * <p>Linear, not an MLP: a pretrained backbone's features are made to be linearly separable (the "linear probe" its
 * quality is measured by), a linear head cannot overfit the few dozen labels a flywheel starts from, trains in
 * milliseconds and keeps its logits well calibrated for temperature scaling. The normalisation in front (as in MAE's
 * linear probing) puts features of any backbone on one scale, so one learning rate fits every backbone; its running
 * statistics are saved with the head and applied at serving.
 */
public final class BackboneHeadNet {

    /** The architecture name a backbone-head version's manifest records; bump it when the layers change. */
    public static final String ARCHITECTURE = "backbone-head-v1";

    private BackboneHeadNet() {}

    /** A fresh, uninitialised head with one logit per class; its input is {@code [N, D]}. */
    public static Block build(int classes) {
        if (classes < 2) {
            throw new IllegalArgumentException("a classifier needs at least two classes, got " + classes);
        }
        return new SequentialBlock()
                .add(BatchNorm.builder().optCenter(false).optScale(false).optMomentum(0.1f).build())
                .add(Linear.builder().setUnits(classes).build());
    }

    /** The trained head answering (logits, its input): the backbone's features are the embedding drift compares. */
    static Block withEmbeddingOutput(Block trained) {
        return new ParallelBlock(outputs -> new NDList(outputs.get(0).singletonOrThrow(), outputs.get(1).singletonOrThrow()),
                List.of(trained, Blocks.identityBlock()));
    }

    /**
     * Why {@code manifest} cannot be served with {@code backbone}, or empty when it can: a backbone-head version needs
     * the very backbone it was trained on (same SHA-256); a built-in network needs none.
     */
    public static Optional<String> servingProblem(ModelManifest manifest, Optional<Backbone> backbone) {
        if (!ARCHITECTURE.equals(manifest.architecture())) {
            return Optional.empty();
        }
        String trainedOn = manifest.backbone() == null ? "(unrecorded)" : manifest.backbone().sha256();
        if (backbone.isEmpty()) {
            return Optional.of("version " + manifest.version() + " is a head on the backbone " + shortHash(trainedOn)
                    + " and FLYWHEEL_BACKBONE is not set");
        }
        if (!backbone.get().sha256().equals(trainedOn)) {
            return Optional.of("version " + manifest.version() + " was trained on the backbone " + shortHash(trainedOn)
                    + ", but FLYWHEEL_BACKBONE is now " + backbone.get().file().getFileName() + " (" + shortHash(backbone.get().sha256()) + ")");
        }
        return Optional.empty();
    }

    private static String shortHash(String sha256) {
        return sha256.length() > 12 ? "sha256:" + sha256.substring(0, 12) : sha256;
    }
}
