package dev.flywheel.backend.store;

import java.util.List;

/**
 * One annotator's usable annotations in a project.
 *
 * @param annotatorId Label Studio's user id
 * @param annotations how many usable annotations they made
 * @param leadTimesSeconds their known lead times, ascending (so a median is one lookup)
 */
public record AnnotatorActivity(long annotatorId, long annotations, List<Double> leadTimesSeconds) {

    public AnnotatorActivity {
        leadTimesSeconds = List.copyOf(leadTimesSeconds);
    }
}
