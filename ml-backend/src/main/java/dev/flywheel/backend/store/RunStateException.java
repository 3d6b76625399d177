package dev.flywheel.backend.store;

/** A training run was asked to do something its current state forbids: move backwards, or be activated unready. */
public final class RunStateException extends StoreException {

    public RunStateException(String message) {
        super(message);
    }
}
