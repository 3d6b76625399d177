package dev.flywheel.backend.training;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.nn.Block;
import dev.flywheel.backend.inference.LoadedClassifier;
import java.io.IOException;
import java.nio.file.Path;

/** Seeds a freshly initialised network with a published version's parameters, array by array. */
final class WarmStart {

    private WarmStart() {}

    /**
     * Loads the parameters saved in {@code versionDir} into {@code sameNetwork} (a fresh block of the version's
     * architecture) and copies them, running statistics included, into {@code target}'s initialised block.
     *
     * @throws IllegalStateException when the version cannot be read or its arrays do not fit the target's
     */
    static void copy(Path versionDir, Block sameNetwork, Model target) {
        copy(versionDir, LoadedClassifier.PARAMS_NAME, sameNetwork, target);
    }

    /** Like {@link #copy(Path, Block, Model)}, for parameters saved under {@code paramsName}. */
    static void copy(Path versionDir, String paramsName, Block sameNetwork, Model target) {
        try (Model source = Model.newInstance("warm-start", "PyTorch")) {
            source.setBlock(sameNetwork);
            source.load(versionDir, paramsName);
            var from = source.getBlock().getParameters().values();
            var to = target.getBlock().getParameters().values();
            if (from.size() != to.size()) {
                throw new IllegalStateException("the warm-start version's network does not match");
            }
            for (int i = 0; i < from.size(); i++) {
                if (!from.get(i).getArray().getShape().equals(to.get(i).getArray().getShape())) {
                    throw new IllegalStateException("the warm-start version's " + to.get(i).getName() + " has another shape");
                }
                from.get(i).getArray().copyTo(to.get(i).getArray());
            }
        } catch (IOException | MalformedModelException e) {
            throw new IllegalStateException("could not warm-start from " + versionDir.getFileName(), e);
        }
    }
}
