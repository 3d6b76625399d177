package dev.flywheel.backend.store;

/**
 * The right to train, held by one Flywheel process at a time among those sharing a database: only the holder runs
 * due training runs, and when it dies another process takes the lease and the work over.
 */
public interface TrainerLease extends AutoCloseable {

    /**
     * Takes the lease when it is free, or checks that it is still held; true when this process holds it. Never blocks
     * for long; call it periodically.
     */
    boolean tryAcquire();

    /** Whether this process held the lease at the last {@link #tryAcquire()}; costs nothing. */
    boolean held();

    /** Gives the lease up, for another process to take. */
    @Override
    void close();

    /** The lease of a process that is alone with its database (the SQLite file): always held. */
    static TrainerLease solo() {
        return new TrainerLease() {
            @Override
            public boolean tryAcquire() {
                return true;
            }

            @Override
            public boolean held() {
                return true;
            }

            @Override
            public void close() {}
        };
    }
}
