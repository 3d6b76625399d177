package dev.flywheel.model.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How much of a project label issues were computed from.
 *
 * @param labeled labelled tasks in the project
 * @param outOfSample of those, the tasks with predictions from a model that never trained on them
 */
public record IssueCoverage(long labeled, @JsonProperty("out_of_sample") long outOfSample) {

    public IssueCoverage {
        if (labeled < 0 || outOfSample < 0 || outOfSample > labeled) {
            throw new IllegalArgumentException("coverage needs 0 <= out_of_sample <= labeled");
        }
    }
}
