package dev.flywheel.backend.training;

import java.util.Optional;

/**
 * Pulls a project's labels from where they are kept (Label Studio) into the store before training uses it.
 *
 * <p>A refresh that cannot reach the source is not an error for training: it answers a note saying so, and the run
 * trains on what the store has.
 */
@FunctionalInterface
public interface TrainingDataRefresh {

    /** Does nothing: the store is all there is. */
    TrainingDataRefresh NONE = project -> Optional.empty();

    /**
     * Brings the project's stored annotations up to date; idempotent.
     *
     * @return empty when the source was read, else a note for the run saying why not (never containing a secret)
     */
    Optional<String> refresh(long project);
}
