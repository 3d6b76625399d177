package dev.flywheel.backend.store;

/** A storage failure the caller cannot fix by changing its input: the database is unreachable, corrupt or full. */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
