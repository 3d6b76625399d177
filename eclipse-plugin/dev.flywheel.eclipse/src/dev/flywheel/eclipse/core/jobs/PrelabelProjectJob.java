package dev.flywheel.eclipse.core.jobs;

import dev.flywheel.eclipse.core.client.BackendException;
import dev.flywheel.eclipse.core.client.FlywheelClient;
import dev.flywheel.model.api.PrelabelJobReply;
import dev.flywheel.model.api.PrelabelJobStatus;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;

/**
 * Starts a pre-label job of a whole project in the backend and follows it: the Progress view shows done / total, images
 * per second and the time left; cancelling this Eclipse job cancels the backend's. The last status goes to the listener
 * (on the job's thread), which shows the summary.
 */
public final class PrelabelProjectJob extends Job {

    private static final int TICKS = 10_000;

    private final FlywheelClient client;
    private final long project;
    private final long pollMillis;
    private final Consumer<Outcome<PrelabelJobStatus>> listener;

    /** A job for {@code project} (named {@code title} in the Progress view) that asks every {@code pollMillis}. */
    public PrelabelProjectJob(FlywheelClient client, long project, String title, long pollMillis, Consumer<Outcome<PrelabelJobStatus>> listener) {
        super(NLS.bind(Messages.PrelabelJob_name, title));
        this.client = Objects.requireNonNull(client);
        this.project = project;
        this.pollMillis = pollMillis;
        this.listener = Objects.requireNonNull(listener);
        setUser(true);
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FlywheelJobs.FAMILY;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, getName(), TICKS);
        try {
            PrelabelJobReply started = client.startPrelabel(project);
            int reported = 0;
            while (true) {
                PrelabelJobStatus status = client.prelabelJob(project, started.job());
                long handled = status.done() + status.skipped() + status.failed();
                int ticks = status.total() == 0 ? 0 : (int) Math.min(TICKS, TICKS * handled / status.total());
                progress.worked(Math.max(0, ticks - reported));
                reported = Math.max(reported, ticks);
                progress.subTask(NLS.bind(Messages.PrelabelJob_progress, new Object[] {handled, status.total(),
                        String.format(Locale.ROOT, "%.1f", status.imagesPerSecond()), //$NON-NLS-1$
                        status.etaSeconds() == null ? "?" : Long.toString(Math.round(status.etaSeconds())), //$NON-NLS-1$
                        status.error() == null ? "" : status.error()})); //$NON-NLS-1$
                if (status.status().finished()) {
                    listener.accept(new Outcome.Done<>(status));
                    return Status.OK_STATUS;
                }
                if (progress.isCanceled()) {
                    listener.accept(new Outcome.Done<>(client.cancelPrelabel(project, started.job())));
                    return Status.CANCEL_STATUS;
                }
                Thread.sleep(pollMillis);
            }
        } catch (BackendException | IllegalArgumentException | IllegalStateException e) {
            listener.accept(new Outcome.Failed<>(e.getMessage()));
            return Status.OK_STATUS;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Status.CANCEL_STATUS;
        }
    }
}
