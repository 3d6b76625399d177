package dev.flywheel.backend.insights;

/** Train now asked of a project whose active version already learned from every stored annotation: the run would repeat it. */
public final class NothingToTrainException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    NothingToTrainException(String message) {
        super(message);
    }
}
