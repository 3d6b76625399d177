package dev.flywheel.backend.inference;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.nn.Block;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A published version's saved parameters, loaded into the block that trained them: one place for how a version's
 * network comes back, and for closing the model when its files cannot be read or do not fit.
 *
 * @param network what the parameters must fit, for the message when they do not (e.g. "its network")
 */
record SavedNetwork(Path versionDir, String version, String prefix, String network) {

    /**
     * Loads the parameters into {@code trained}, then serves them through {@code serving} (the trained block with
     * the outputs inference reads) and hands the model to {@code owner}, who closes it from then on.
     */
    <T> T load(Block trained, UnaryOperator<Block> serving, Function<Model, T> owner) {
        Model model = Model.newInstance(version, "PyTorch");
        try {
            model.setBlock(trained);
            model.load(versionDir, prefix);
            model.setBlock(serving.apply(model.getBlock()));
            return owner.apply(model);
        } catch (IOException e) {
            model.close();
            throw new UncheckedIOException("could not read the parameters of " + version, e);
        } catch (MalformedModelException | RuntimeException e) {
            model.close();
            throw new IllegalStateException("the parameters of " + version + " do not fit " + network, e);
        }
    }
}
