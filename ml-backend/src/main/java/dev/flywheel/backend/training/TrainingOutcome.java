package dev.flywheel.backend.training;

import java.util.List;

/**
 * What a finished training run learned and how it did on its hold-out split.
 *
 * @param trainingTaskIds tasks the model learned from
 * @param holdoutTaskIds tasks kept out, in the order of the arrays below
 * @param holdoutGiven given label index of each hold-out task
 * @param holdoutPredicted predicted label index of each hold-out task
 * @param holdoutProbabilities calibrated class probabilities of each hold-out task
 * @param temperature fitted softmax temperature
 * @param history loss and hold-out accuracy per epoch
 * @param seconds wall time of the run
 */
public record TrainingOutcome(
        List<Long> trainingTaskIds,
        List<Long> holdoutTaskIds,
        int[] holdoutGiven,
        int[] holdoutPredicted,
        List<double[]> holdoutProbabilities,
        double temperature,
        List<EpochStats> history,
        double seconds) {

    public TrainingOutcome {
        trainingTaskIds = List.copyOf(trainingTaskIds);
        holdoutTaskIds = List.copyOf(holdoutTaskIds);
        holdoutGiven = holdoutGiven.clone();
        holdoutPredicted = holdoutPredicted.clone();
        holdoutProbabilities = List.copyOf(holdoutProbabilities);
        history = List.copyOf(history);
    }
}
