package dev.flywheel.backend.training;

/** Thrown inside a run that was asked to stop, for example at shutdown. */
final class TrainingCancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TrainingCancelledException() {
        super("training was cancelled");
    }
}
