package dev.flywheel.eclipse.core.jobs;

import dev.flywheel.eclipse.core.client.BackendException;
import java.util.Objects;
import java.util.function.Consumer;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;

/**
 * Runs one or more backend calls in the background, in {@link FlywheelJobs#FAMILY}, and hands the
 * {@link Outcome} to a listener on the job's thread; the listener moves to the UI thread itself.
 *
 * @param <T> the type of the value the calls produce
 */
public final class CallJob<T> extends Job {

    /** Backend calls that produce a value; they may report progress on {@code progress}. */
    @FunctionalInterface
    public interface Calls<T> {
        /** Makes the calls. */
        T run(SubMonitor progress) throws BackendException;
    }

    private final Calls<T> calls;
    private final Consumer<Outcome<T>> listener;

    /** A job named {@code name} (shown in the Progress view) that runs {@code calls} and reports to {@code listener}. */
    public CallJob(String name, Calls<T> calls, Consumer<Outcome<T>> listener) {
        super(name);
        this.calls = Objects.requireNonNull(calls);
        this.listener = Objects.requireNonNull(listener);
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FlywheelJobs.FAMILY;
    }

    /** Returns OK when a call failed: failures are shown inline by the view, not in the workbench's error dialog. */
    @Override
    protected IStatus run(IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, getName(), 100);
        Outcome<T> outcome;
        try {
            outcome = new Outcome.Done<>(calls.run(progress));
        } catch (BackendException | IllegalArgumentException | IllegalStateException e) {
            outcome = new Outcome.Failed<>(e.getMessage());
        }
        if (progress.isCanceled()) {
            return Status.CANCEL_STATUS;
        }
        listener.accept(outcome);
        return Status.OK_STATUS;
    }
}
