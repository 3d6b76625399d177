package dev.flywheel.backend.store;

/**
 * The disk holding the database is full: the write was rolled back and nothing of it is stored. Retrying succeeds once
 * space is freed.
 */
public final class StorageFullException extends StoreException {

    private static final long serialVersionUID = 1L;

    StorageFullException(String message, Throwable cause) {
        super(message, cause);
    }
}
