package dev.flywheel.backend.training;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.flywheel.backend.kind.RunRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import java.util.function.Supplier;

/**
 * Chooses which epoch of a run becomes the version and when the run may stop, from the hold-out: the best hold-out
 * accuracy wins, and among equal accuracies a hold-out loss lower by at least {@link #MIN_LOSS_GAIN}; its parameters are
 * kept aside and put back at the end. One rule for every trainer, so their versions are chosen alike.
 */
final class EpochSelection implements AutoCloseable {

    /**
     * Hold-out loss (nats) an epoch must gain to count as better at equal accuracy. A hold-out of a few dozen images
     * reaches its best accuracy early and often; without the loss the first lucky epoch of an underfitted network would
     * be kept, and with any gain at all a separable one would creep on for hundreds of epochs.
     */
    static final double MIN_LOSS_GAIN = 0.005;

    private final Model model;
    private final NDManager manager;
    private final int earliestStop;
    private final int minEpochs;
    private final int patience;
    private double bestAccuracy = -1;
    private double bestLoss = Double.POSITIVE_INFINITY;
    private int bestEpoch;
    private NDList best;

    /**
     * @param model the network being trained; its parameters are copied when an epoch is the best so far
     * @param parent the manager the copies live under, until {@link #close()}
     * @param plannedEpochs the epochs the run would take without stopping early
     * @param minEpochs fewest epochs before stopping
     * @param minPatience fewest epochs without a better one before stopping
     */
    EpochSelection(Model model, NDManager parent, int plannedEpochs, int minEpochs, int minPatience) {
        this.model = model;
        this.manager = parent.newSubManager();
        // A small hold-out can sit still for several epochs while the network is still learning: never stop in the first
        // third of the run, and wait longer in long runs.
        this.earliestStop = Math.max(minEpochs, plannedEpochs / 3);
        this.minEpochs = minEpochs;
        this.patience = Math.max(minPatience, plannedEpochs / 5);
    }

    /**
     * Records an epoch's hold-out accuracy and loss, keeping its parameters when it is the best so far.
     *
     * @return whether the run should stop now
     */
    private boolean record(int epoch, double accuracy, double loss) {
        if (accuracy > bestAccuracy || (accuracy == bestAccuracy && loss < bestLoss - MIN_LOSS_GAIN)) {
            bestAccuracy = accuracy;
            bestLoss = loss;
            bestEpoch = epoch;
            if (best != null) {
                best.close();
            }
            best = new NDList();
            for (var parameter : model.getBlock().getParameters().values()) {
                best.add(parameter.getArray().duplicate());
            }
            best.attach(manager);
            return false;
        }
        return epoch >= earliestStop && epoch - bestEpoch >= patience;
    }

    /**
     * Runs up to {@code epochs} epochs, each a timed training pass and then the hold-out scored. With {@code select}
     * the run stops as {@link #record} says and ends with the best epoch's parameters in the network; without, every
     * epoch runs and the last one stays (a cross-validation fold must not choose by its own labels).
     *
     * @param pass one epoch's training pass, answering its mean training loss
     * @param heldOut the hold-out logits of the network as it is now
     * @param progress told of every epoch, so the model record can say how far the run is
     * @param overtaken asked after each epoch past the fewest: true ends the run there (newer data earns the next run)
     * @return the history of the epochs that ran
     */
    List<EpochStats> run(int epochs, boolean select, IntToDoubleFunction pass, Supplier<float[][]> heldOut, int[] heldOutLabels,
            RunRequest.Progress progress, java.util.function.BooleanSupplier overtaken) {
        List<EpochStats> history = new ArrayList<>();
        for (int epoch = 1; epoch <= epochs; epoch++) {
            long started = System.nanoTime();
            double loss = pass.applyAsDouble(epoch);
            double passSeconds = (System.nanoTime() - started) / 1e9;
            float[][] logits = heldOut.get();
            double accuracy = TrainingOutcome.accuracy(logits, heldOutLabels);
            history.add(new EpochStats(epoch, loss, accuracy, passSeconds));
            progress.epoch(epoch, epochs, loss, accuracy);
            if (select && heldOutLabels.length > 0
                    && record(epoch, accuracy, TemperatureScaling.negativeLogLikelihood(logits, heldOutLabels, 1.0))) {
                break;
            }
            if (epoch >= minEpochs && epoch < epochs && overtaken.getAsBoolean()) {
                break;
            }
        }
        restoreBest();
        return history;
    }

    /** Puts the best epoch's parameters back into the network; nothing when no epoch was recorded. */
    private void restoreBest() {
        if (best == null) {
            return;
        }
        var parameters = model.getBlock().getParameters().values();
        for (int i = 0; i < parameters.size(); i++) {
            best.get(i).copyTo(parameters.get(i).getArray());
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
