package dev.flywheel.model.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The tasks both sides of a comparison were scored on: the hold-out tasks neither version trained on. Each version's own
 * metrics (in the models list) come from its own, larger or smaller, hold-out, so they differ from the comparison's.
 *
 * @param kind {@link #SHARED_HOLDOUT}
 * @param tasks how many tasks
 * @param baseHoldout how many hold-out tasks the base version had on its own
 * @param candidateHoldout how many the candidate had
 */
public record EvaluationSet(String kind, int tasks, @JsonProperty("base_holdout") int baseHoldout,
        @JsonProperty("candidate_holdout") int candidateHoldout) {

    /** The hold-out tasks both versions kept out of training. */
    public static final String SHARED_HOLDOUT = "shared_holdout";

    public EvaluationSet {
        Checks.required("kind", kind);
        Checks.nonNegative("tasks base_holdout candidate_holdout", tasks, baseHoldout, candidateHoldout);
    }
}
