package dev.flywheel.backend.training;

/**
 * When a project has earned a (new) model: the first once at least two classes have labels and there are enough
 * annotations, then again after enough new or changed annotations.
 *
 * @param minAnnotations annotations needed before the first model
 * @param minNewAnnotations changed annotations that always justify a retrain
 * @param growthFraction growth of the dataset, relative to the last run's, that justifies a retrain; the larger of this
 *     and {@code minNewAnnotations} applies
 */
public record TrainingPolicy(int minAnnotations, int minNewAnnotations, double growthFraction) {

    public TrainingPolicy {
        if (minAnnotations < 1 || minNewAnnotations < 1 || growthFraction < 0) {
            throw new IllegalArgumentException("invalid training policy");
        }
    }

    public static TrainingPolicy defaults() {
        return new TrainingPolicy(10, 10, 0.10);
    }

    /**
     * @param labeledAnnotations annotations usable for training now
     * @param classesWithLabels distinct labels among them
     * @param hasModel whether a run has succeeded before
     * @param changedSinceLastRun annotations created, updated or deleted since the last run started
     * @param lastDatasetSize the last successful run's dataset size
     */
    public boolean shouldTrain(int labeledAnnotations, int classesWithLabels, boolean hasModel, long changedSinceLastRun, int lastDatasetSize) {
        if (classesWithLabels < 2 || labeledAnnotations < minAnnotations) {
            return false;
        }
        if (!hasModel) {
            return true;
        }
        return changedSinceLastRun >= needed(lastDatasetSize);
    }

    /**
     * Whether the annotations changed since a run started already earn the next one: the run then trains on data that
     * is stale before it ends, and may stop early (at an epoch's end, past its minimum) so that the next starts sooner.
     *
     * @param changedSinceRunStarted annotations created, updated or deleted since the run read its training set
     * @param runDatasetSize annotations the run trains on
     */
    public boolean overtakes(long changedSinceRunStarted, int runDatasetSize) {
        return changedSinceRunStarted >= needed(runDatasetSize);
    }

    private long needed(int lastDatasetSize) {
        return Math.max(minNewAnnotations, (long) Math.ceil(growthFraction * lastDatasetSize));
    }
}
