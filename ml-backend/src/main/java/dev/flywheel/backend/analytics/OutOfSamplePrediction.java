package dev.flywheel.backend.analytics;

import java.util.Arrays;

/**
 * One labelled example with a model's out-of-sample class probabilities, the input of label-issue detection.
 *
 * <p>"Out-of-sample" matters: probabilities from a model that trained on the example have memorised its label and
 * hide the error (use cross-validation folds or a hold-out model).
 *
 * @param taskId Label Studio task id
 * @param annotationId the annotation that gave the label, or null
 * @param given index of the given label
 * @param probabilities one probability per class, summing to about 1
 */
public record OutOfSamplePrediction(long taskId, Long annotationId, int given, double[] probabilities) {

    public OutOfSamplePrediction {
        if (probabilities == null || probabilities.length < 2) {
            throw new IllegalArgumentException("probabilities need at least two classes");
        }
        if (given < 0 || given >= probabilities.length) {
            throw new IllegalArgumentException("given label " + given + " is not a class index");
        }
        probabilities = probabilities.clone();
        for (double p : probabilities) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("probabilities must be in [0, 1], got " + p);
            }
        }
    }

    /** The probability of class {@code j}. */
    public double probability(int j) {
        return probabilities[j];
    }

    /** The number of classes. */
    public int classes() {
        return probabilities.length;
    }

    /** The model's probability for the given label. */
    public double selfConfidence() {
        return probabilities[given];
    }

    /** The most probable class other than the given one; ties go to the lower index. */
    int bestOther() {
        int best = -1;
        for (int j = 0; j < probabilities.length; j++) {
            if (j != given && (best < 0 || probabilities[j] > probabilities[best])) {
                best = j;
            }
        }
        return best;
    }

    /** The most probable class; ties go to the lower index. */
    public int argmax() {
        int best = 0;
        for (int j = 1; j < probabilities.length; j++) {
            if (probabilities[j] > probabilities[best]) {
                best = j;
            }
        }
        return best;
    }

    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OutOfSamplePrediction that
                && taskId == that.taskId
                && java.util.Objects.equals(annotationId, that.annotationId)
                && given == that.given
                && Arrays.equals(probabilities, that.probabilities);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(taskId, annotationId, given, Arrays.hashCode(probabilities));
    }

    @Override
    public String toString() {
        return "OutOfSamplePrediction[taskId=" + taskId + ", annotationId=" + annotationId + ", given=" + given
                + ", probabilities=" + Arrays.toString(probabilities) + "]";
    }
}
