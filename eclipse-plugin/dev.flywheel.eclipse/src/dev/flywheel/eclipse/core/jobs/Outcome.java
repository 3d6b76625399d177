package dev.flywheel.eclipse.core.jobs;

/**
 * What a backend call produced: a value, or a sentence for the user that says why there is none.
 *
 * @param <T> the type of the value
 */
public sealed interface Outcome<T> {

    /** The call answered {@code value}. */
    record Done<T>(T value) implements Outcome<T> {}

    /** The call failed or was cancelled; {@code message} is meant for the user. */
    record Failed<T>(String message) implements Outcome<T> {}
}
