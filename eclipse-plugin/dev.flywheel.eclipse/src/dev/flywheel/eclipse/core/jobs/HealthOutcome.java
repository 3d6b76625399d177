package dev.flywheel.eclipse.core.jobs;

import dev.flywheel.eclipse.core.client.BackendHealth;

/** The outcome of a health check: the backend answered, or a sentence that says why it did not. */
public sealed interface HealthOutcome {

    /** The backend's URL the check went to. */
    String backendUrl();

    /** The backend answered {@code /health}. */
    record Answered(String backendUrl, BackendHealth health) implements HealthOutcome {}

    /** The backend could not be asked or did not answer; {@code message} is meant for the user. */
    record Failed(String backendUrl, String message) implements HealthOutcome {}
}
