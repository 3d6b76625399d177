package dev.flywheel.backend.store;

/** The project, task or model version a write refers to has not been stored. */
public final class UnknownEntityException extends StoreException {

    public UnknownEntityException(String message) {
        super(message);
    }
}
