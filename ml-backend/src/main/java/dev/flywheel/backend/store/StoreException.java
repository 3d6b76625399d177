package dev.flywheel.backend.store;

/** A storage failure the caller cannot fix by changing its input: the database is unreachable, corrupt or full. */
public class StoreException extends RuntimeException {

    StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    StoreException(String message) {
        super(message);
    }
}
