package dev.flywheel.model.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What one annotator did.
 *
 * @param id Label Studio user id
 * @param annotations annotations submitted
 * @param medianLeadTimeS median seconds per annotation, or null
 * @param name the e-mail or name Label Studio sent for the user, or null (left out of the JSON) when it sent only the id
 */
public record AnnotatorStats(long id, long annotations, @JsonProperty("median_lead_time_s") Double medianLeadTimeS,
        @JsonInclude(JsonInclude.Include.NON_NULL) String name) {

    public AnnotatorStats {
        Checks.nonNegative("id annotations median_lead_time_s", id, annotations, medianLeadTimeS);
        name = name == null || name.isBlank() ? null : name.strip();
    }

    /** An annotator known by id only. */
    public AnnotatorStats(long id, long annotations, Double medianLeadTimeS) {
        this(id, annotations, medianLeadTimeS, null);
    }

    /** This annotator with the name Label Studio gave, or unchanged for null. */
    public AnnotatorStats named(String label) {
        return new AnnotatorStats(id, annotations, medianLeadTimeS, label);
    }
}
