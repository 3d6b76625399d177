package dev.flywheel.eclipse.core.client;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a backend says about itself on {@code GET /health}: a status ({@code UP} when it serves) and
 * the model class it runs.
 *
 * @param status the backend's status, never blank
 * @param modelClass the model class the backend serves, or {@code null} when it does not say
 */
public record BackendHealth(String status, @JsonProperty("model_class") String modelClass) {

    /** Rejects a reply without a status: a backend that cannot say it is up is not up. */
    public BackendHealth {
        if (status == null || status.isBlank()) {
            throw new IllegalArgumentException("status is missing"); //$NON-NLS-1$
        }
    }

    /** Whether the backend reports that it serves predictions. */
    public boolean isUp() {
        return "UP".equalsIgnoreCase(status); //$NON-NLS-1$
    }
}
