package dev.flywheel.eclipse.core.jobs;

import dev.flywheel.eclipse.core.client.FlywheelClient;
import dev.flywheel.eclipse.core.client.BackendException;
import java.util.Objects;
import java.util.function.Consumer;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;

/**
 * Asks a backend for its health in the background and hands the outcome to a listener, on the job's
 * thread; the listener moves to the UI thread itself.
 */
public final class HealthCheckJob extends Job {

    private final FlywheelClient client;
    private final Consumer<HealthOutcome> listener;

    /** A job that checks the backend of {@code client} and reports to {@code listener}. */
    public HealthCheckJob(FlywheelClient client, Consumer<HealthOutcome> listener) {
        super(NLS.bind(Messages.HealthCheckJob_name, client.baseUrl()));
        this.client = Objects.requireNonNull(client);
        this.listener = Objects.requireNonNull(listener);
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FlywheelJobs.FAMILY;
    }

    /**
     * Always returns OK when it ran: a failed check is an outcome shown inline by the view, not a
     * job error that the workbench would put in a dialog and the error log.
     */
    @Override
    protected IStatus run(IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, getName(), 1);
        HealthOutcome outcome;
        try {
            outcome = new HealthOutcome.Answered(client.baseUrl(), client.health());
        } catch (BackendException e) {
            outcome = new HealthOutcome.Failed(client.baseUrl(), e.getMessage());
        }
        progress.worked(1);
        if (progress.isCanceled()) {
            listener.accept(new HealthOutcome.Failed(client.baseUrl(), Messages.HealthCheckJob_cancelled));
            return Status.CANCEL_STATUS;
        }
        listener.accept(outcome);
        return Status.OK_STATUS;
    }
}
