package dev.flywheel.backend.http.errors;

import java.util.Map;

/**
 * A request Flywheel refuses, with the status, the stable error key and a sentence for the person reading it.
 */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;
    private final transient Map<String, String> fields;

    ApiException(int status, String error, String detail, Map<String, String> fields) {
        super(detail);
        this.status = status;
        this.error = error;
        this.fields = Map.copyOf(fields);
    }

    ApiException(int status, String error, String detail) {
        this(status, error, detail, Map.of());
    }

    public static ApiException badRequest(String error, String detail) {
        return new ApiException(400, error, detail);
    }

    static ApiException notFound(String what) {
        return new ApiException(404, "not_found", what);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public Map<String, String> fields() {
        return fields;
    }
}
