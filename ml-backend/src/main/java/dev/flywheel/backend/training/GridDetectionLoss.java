package dev.flywheel.backend.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.training.loss.Loss;

/**
 * The grid detector's loss against targets from {@code GridCodec.encode}: binary cross-entropy on objectness over all
 * cells (object cells weighted up, as they are few), L1 on the sigmoid box terms and cross-entropy on the class where
 * there is an object; all summed and divided by the number of objects in the batch.
 */
final class GridDetectionLoss extends Loss {

    private static final float OBJECT_WEIGHT = 5f;
    private static final float BOX_WEIGHT = 5f;

    GridDetectionLoss() {
        super("GridDetectionLoss");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray target = labels.singletonOrThrow();
        NDArray output = predictions.singletonOrThrow();
        NDArray objectness = target.get(":, 0");
        NDArray logit = output.get(":, 0");
        // log(sigmoid(x)) = -softplus(-x), stable for large |x|.
        NDArray logP = Activation.softPlus(logit.neg()).neg();
        NDArray logNotP = Activation.softPlus(logit).neg();
        NDArray bce = objectness.mul(logP).mul(OBJECT_WEIGHT).add(objectness.neg().add(1).mul(logNotP)).neg();
        NDArray cells = objectness.sum().maximum(1f);

        NDArray box = Activation.sigmoid(output.get(":, 1:5")).sub(target.get(":, 1:5")).abs().sum(new int[] {1});
        NDArray classes = output.get(":, 5:").logSoftmax(1).mul(target.get(":, 5:")).sum(new int[] {1}).neg();
        NDArray perObject = box.mul(BOX_WEIGHT).add(classes).mul(objectness).sum().div(cells);
        return bce.sum().div(cells).add(perObject);
    }
}
