package dev.flywheel.backend.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Annotations keyed by Label Studio's annotation id, with a change sequence that makes "what changed" cheap. */
public interface AnnotationStore {

    /**
     * Creates or replaces the annotation with this id. Saving identical content again, an update older than the
     * stored one, or any save of a deleted annotation changes nothing and keeps the change sequence.
     *
     * @throws UnknownEntityException when the project is not stored
     */
    WriteOutcome save(Annotation annotation);

    /** Marks annotations deleted (a change: each gets a new sequence); returns how many were live before. */
    int markDeleted(long projectId, Collection<Long> annotationIds);

    Optional<StoredAnnotation> find(long projectId, long annotationId);

    /** The project's highest change sequence, 0 before its first annotation; a training run records it. */
    long latestSequence(long projectId);

    /** How many of the project's annotations were created, changed or deleted after {@code sequence}. */
    long countChangedSince(long projectId, long sequence);

    /** The project's usable annotations (not skipped, not deleted, task not deleted), by task then annotation. */
    List<LabeledAnnotation> trainingSet(long projectId);

    /** The same annotations as {@link #trainingSet}, with their raw result JSON, by task then annotation. */
    List<AnnotationResult> trainingResults(long projectId);
}
