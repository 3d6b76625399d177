package dev.flywheel.backend.training;

import java.time.Duration;
import java.util.Optional;

/**
 * When a project has earned a (new) model: the first once at least two classes have labels and there are enough
 * annotations, then again after enough new or changed annotations, and once labelling pauses, on whatever changed.
 *
 * @param minAnnotations annotations needed before the first model
 * @param minNewAnnotations changed annotations that always justify a retrain
 * @param growthFraction growth of the dataset, relative to the last run's, that justifies a retrain; the larger of this
 *     and {@code minNewAnnotations} applies
 * @param catchUpAfter once no annotation has changed for this long, any change since the last run earns one; empty for
 *     never (a backend that trains only on Start Training)
 */
public record TrainingPolicy(int minAnnotations, int minNewAnnotations, double growthFraction, Optional<Duration> catchUpAfter) {

    /**
     * Long enough that a person labelling at their own pace (a task every few seconds) does not start a run per label,
     * short enough that the version people return to after a pause has learnt from every label before it. Without it the
     * last few percent of a session never trained: after 600 labels the settled version had seen 564.
     */
    public static final Duration DEFAULT_CATCH_UP = Duration.ofSeconds(10);

    public TrainingPolicy {
        if (minAnnotations < 1 || minNewAnnotations < 1 || growthFraction < 0
                || catchUpAfter.map(d -> d.isNegative() || d.isZero()).orElse(false)) {
            throw new IllegalArgumentException("invalid training policy");
        }
    }

    /** A policy without the catch-up run. */
    public TrainingPolicy(int minAnnotations, int minNewAnnotations, double growthFraction) {
        this(minAnnotations, minNewAnnotations, growthFraction, Optional.empty());
    }

    public static TrainingPolicy defaults() {
        return new TrainingPolicy(10, 10, 0.10, Optional.of(DEFAULT_CATCH_UP));
    }

    /**
     * @param labeledAnnotations annotations usable for training now
     * @param classesWithLabels distinct labels among them
     * @param hasModel whether a run has succeeded before
     * @param changedSinceLastRun annotations created, updated or deleted since the last run started
     * @param lastDatasetSize the last successful run's dataset size
     */
    public boolean shouldTrain(int labeledAnnotations, int classesWithLabels, boolean hasModel, long changedSinceLastRun, int lastDatasetSize) {
        return shouldTrain(labeledAnnotations, classesWithLabels, hasModel, changedSinceLastRun, lastDatasetSize, false);
    }

    /**
     * Like {@link #shouldTrain(int, int, boolean, long, int)}; {@code idle} says the annotations have not changed for
     * {@link #catchUpAfter}, so any change since the last run earns one.
     */
    public boolean shouldTrain(int labeledAnnotations, int classesWithLabels, boolean hasModel, long changedSinceLastRun, int lastDatasetSize,
            boolean idle) {
        if (classesWithLabels < 2 || labeledAnnotations < minAnnotations) {
            return false;
        }
        if (!hasModel) {
            return true;
        }
        if (idle && catchUpAfter.isPresent() && changedSinceLastRun > 0) {
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
