package dev.flywheel.backend.training;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

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

    /**
     * The outcome of a run whose hold-out examples answered {@code logits}: each one's prediction, and probabilities
     * calibrated by the temperature fitted on them.
     */
    static <E> TrainingOutcome fromHoldout(List<E> training, List<E> holdout, ToLongFunction<E> taskId, ToIntFunction<E> label,
            float[][] logits, List<EpochStats> history, double seconds) {
        int n = holdout.size();
        int[] given = new int[n];
        int[] predicted = new int[n];
        List<Long> holdoutIds = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            given[i] = label.applyAsInt(holdout.get(i));
            predicted[i] = ClassifierTrainer.argmax(logits[i]);
            holdoutIds.add(taskId.applyAsLong(holdout.get(i)));
        }
        double temperature = TemperatureScaling.fit(logits, given);
        List<double[]> probabilities = new ArrayList<>(n);
        for (float[] row : logits) {
            probabilities.add(TemperatureScaling.softmax(row, temperature));
        }
        List<Long> trainingIds = training.stream().map(taskId::applyAsLong).toList();
        return new TrainingOutcome(trainingIds, holdoutIds, given, predicted, probabilities, temperature, history, seconds);
    }

    /** Share of rows whose largest logit is the given label; 0 for none. */
    static double accuracy(float[][] logits, int[] labels) {
        if (labels.length == 0) {
            return 0;
        }
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            correct += ClassifierTrainer.argmax(logits[i]) == labels[i] ? 1 : 0;
        }
        return (double) correct / labels.length;
    }
}
