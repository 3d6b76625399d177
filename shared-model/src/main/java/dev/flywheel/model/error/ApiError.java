package dev.flywheel.model.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of every non-2xx insights-API response: {@code {"error": "<stable-key>", "detail": "…", "fields": {…}}}.
 *
 * @param error a stable, machine-readable key such as {@code "project_not_found"}
 * @param detail one human sentence; never a stack trace or a secret
 * @param fields per-field validation messages, or null when not about input fields
 */
public record ApiError(String error, String detail, Map<String, String> fields) {

    public ApiError {
        if (error == null || error.isBlank()) {
            throw new IllegalArgumentException("error key is required");
        }
        if (detail == null) {
            throw new IllegalArgumentException("detail is required");
        }
        fields = fields == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** An error without field messages. */
    public static ApiError of(String error, String detail) {
        return new ApiError(error, detail, null);
    }
}
