package dev.flywheel.backend.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Adam whose moment estimates live in a manager this optimizer owns and frees on {@link #close()}, so a training run
 * leaves no optimizer state behind.
 *
 * <p>DJL's own optimizers create their state through {@code Optimizer.withDefaultState}, which detaches each array from
 * its manager, and an {@code Optimizer} has no {@code close}: closing the model and trainer leaves the moments allocated.
 * On the PyTorch engine that is about 2.5 times the parameter bytes of native memory per run, which a backend that
 * retrains after every burst of annotations cannot afford (docs/RELIABILITY.md, soak). The update itself is DJL's fused
 * native kernel with DJL's defaults, so the steps are the same as {@code Optimizer.adam()}'s.
 */
public final class ScopedAdam extends Optimizer implements AutoCloseable {

    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;

    private final ParameterTracker learningRate;
    private final NDManager state;
    private final Map<String, NDArray[]> moments = new ConcurrentHashMap<>();

    /**
     * @param learningRate the step size per update
     * @param parent the manager under which the moments are allocated (a sub-manager of it is closed with this optimizer)
     */
    public ScopedAdam(ParameterTracker learningRate, NDManager parent) {
        super(new Builder());
        this.learningRate = learningRate;
        this.state = parent.newSubManager();
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        int t = updateCount(parameterId);
        double biasCorrection1 = 1.0 - Math.pow(BETA1, t);
        double biasCorrection2 = 1.0 - Math.pow(BETA2, t);
        float rate = learningRate.getNewValue(parameterId, t);
        float corrected = (float) (rate * Math.sqrt(biasCorrection2) / biasCorrection1);
        if (!Float.isFinite(corrected)) {
            throw new IllegalStateException("learning rate is not finite at update " + t);
        }
        NDArray[] moment = moments.computeIfAbsent(parameterId, id -> new NDArray[] {
            state.zeros(weight.getShape(), weight.getDataType(), weight.getDevice()),
            state.zeros(weight.getShape(), weight.getDataType(), weight.getDevice())});
        weight.getNDArrayInternal().adamUpdate(new NDList(weight, grad, moment[0], moment[1]), new NDList(weight), rate,
                corrected, getWeightDecay(), rescaleGrad, clipGrad, BETA1, BETA2, EPSILON, true, false);
    }

    @Override
    public void close() {
        moments.clear();
        state.close();
    }

    /** Carries Optimizer's defaults (no weight decay, no clipping). */
    private static final class Builder extends OptimizerBuilder<Builder> {
        @Override
        protected Builder self() {
            return this;
        }
    }
}
