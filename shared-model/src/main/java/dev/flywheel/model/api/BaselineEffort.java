package dev.flywheel.model.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Annotation effort on tasks that had no pre-label.
 *
 * @param tasks tasks labelled without a pre-label
 * @param medianLeadTimeS median seconds per task
 */
public record BaselineEffort(long tasks, @JsonProperty("median_lead_time_s") Double medianLeadTimeS) {

    public BaselineEffort {
        Checks.nonNegative("tasks median_lead_time_s", tasks, medianLeadTimeS);
    }
}
