package dev.flywheel.model.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How much annotators agree on tasks labelled more than once.
 *
 * @param tasksWithMultiple tasks with two or more annotations
 * @param meanPairwise mean pairwise agreement in [0, 1], or null
 */
public record Agreement(@JsonProperty("tasks_with_multiple") long tasksWithMultiple,
        @JsonProperty("mean_pairwise") Double meanPairwise) {

    public Agreement {
        Checks.nonNegative("tasks_with_multiple", tasksWithMultiple);
        Checks.ratio("mean_pairwise", meanPairwise);
    }
}
