package dev.flywheel.model.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What one annotator did.
 *
 * @param id Label Studio user id
 * @param annotations annotations submitted
 * @param medianLeadTimeS median seconds per annotation, or null
 */
public record AnnotatorStats(long id, long annotations, @JsonProperty("median_lead_time_s") Double medianLeadTimeS) {

    public AnnotatorStats {
        Checks.nonNegative("id annotations median_lead_time_s", id, annotations, medianLeadTimeS);
    }
}
