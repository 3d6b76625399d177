package dev.flywheel.eclipse.core.jobs;

import dev.flywheel.eclipse.core.client.BackendException;
import dev.flywheel.eclipse.core.client.FlywheelClient;
import dev.flywheel.eclipse.core.display.Figures;
import dev.flywheel.eclipse.core.settings.BackendConnection;
import dev.flywheel.model.api.EpochMetrics;
import dev.flywheel.model.api.ModelDetail;
import dev.flywheel.model.api.ModelStatus;
import dev.flywheel.model.api.ModelSummary;
import dev.flywheel.model.api.RunProgress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;

/**
 * One training run of a backend shown as a job in the Progress view: it asks the backend every second how far the run
 * is and reports epoch i of n, the training loss and the hold-out accuracy so far, until the version is ready or failed.
 * Cancelling the job stops following the run, not the run.
 */
public final class TrainingJob extends Job {

    private static final long POLL_MILLIS = 1_000;
    private static final int TICKS = 1_000;

    private final BackendConnection connection;
    private final long project;
    private final String version;
    private final Function<BackendConnection, FlywheelClient> clients;
    private final List<String> reports = new CopyOnWriteArrayList<>();
    private volatile String outcome;

    /** A job following {@code version} of {@code project} on {@code connection}. */
    public TrainingJob(BackendConnection connection, long project, String title, String version,
            Function<BackendConnection, FlywheelClient> clients) {
        super(NLS.bind(Messages.TrainingJob_name, version, title));
        this.connection = connection;
        this.project = project;
        this.version = version;
        this.clients = clients;
        setUser(false);
        setPriority(Job.LONG);
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FlywheelJobs.FAMILY || family == TrainingJob.class;
    }

    /** Whether this job follows {@code version} of {@code project} on {@code backend}. */
    public boolean follows(BackendConnection backend, long id, String run) {
        return connection.equals(backend) && project == id && version.equals(run);
    }

    /** The version followed. */
    public String version() {
        return version;
    }

    /** Every progress line the job showed, oldest first. */
    public List<String> reports() {
        return List.copyOf(reports);
    }

    /** How the run ended ("ready", "failed: …"), or null while it runs. */
    public String outcome() {
        return outcome;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        monitor.beginTask(getName(), TICKS);
        int worked = 0;
        try {
            FlywheelClient client = clients.apply(connection);
            while (!monitor.isCanceled()) {
                Optional<ModelSummary> model = client.models(project).models().stream().filter(m -> m.version().equals(version)).findFirst();
                if (model.isEmpty()) {
                    outcome = Messages.TrainingJob_gone;
                    return Status.OK_STATUS;
                }
                ModelStatus status = model.get().status();
                if (status == ModelStatus.READY || status == ModelStatus.FAILED) {
                    finish(client, status, monitor);
                    return Status.OK_STATUS;
                }
                RunProgress progress = model.get().progress();
                if (status == ModelStatus.QUEUED) {
                    report(monitor, Messages.TrainingJob_queued);
                } else if (progress == null) {
                    report(monitor, Messages.TrainingJob_starting);
                } else {
                    report(monitor, line(progress.epoch(), progress.epochs(), progress.loss(), progress.holdoutAccuracy()));
                    int target = progress.epochs() == 0 ? 0 : (int) ((long) TICKS * progress.epoch() / progress.epochs());
                    if (target > worked) {
                        monitor.worked(target - worked);
                        worked = target;
                    }
                }
                Thread.sleep(POLL_MILLIS);
            }
            return Status.CANCEL_STATUS;
        } catch (BackendException | IllegalArgumentException e) {
            outcome = e.getMessage();
            return Status.OK_STATUS; // the views say the backend is unreachable; no error dialog for a progress display
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Status.CANCEL_STATUS;
        } finally {
            monitor.done();
        }
    }

    /** The last epoch from the version's history, so even a run shorter than a poll reports where it ended. */
    private void finish(FlywheelClient client, ModelStatus status, IProgressMonitor monitor) throws BackendException {
        ModelDetail detail = client.model(project, version);
        List<EpochMetrics> history = detail.history();
        if (!history.isEmpty()) {
            EpochMetrics last = history.get(history.size() - 1);
            report(monitor, line(last.epoch(), history.size(), last.loss(), last.valAccuracy()));
        }
        outcome = status == ModelStatus.READY ? Messages.TrainingJob_ready : NLS.bind(Messages.TrainingJob_failed, Figures.text(detail.message()));
    }

    private void report(IProgressMonitor monitor, String line) {
        if (reports.isEmpty() || !reports.get(reports.size() - 1).equals(line)) {
            reports.add(line);
            monitor.subTask(line);
        }
    }

    private static String line(int epoch, int epochs, Double loss, Double holdout) {
        return NLS.bind(Messages.TrainingJob_epoch, new Object[] {epoch, epochs, Figures.decimal(loss), Figures.percent(holdout)});
    }
}
