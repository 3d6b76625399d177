package dev.flywheel.eclipse.core.jobs;

import dev.flywheel.eclipse.core.client.BackendException;
import dev.flywheel.eclipse.core.client.FlywheelClient;
import dev.flywheel.eclipse.core.settings.BackendConnection;
import dev.flywheel.model.api.ModelStatus;
import dev.flywheel.model.api.ModelSummary;
import dev.flywheel.model.api.ModelsReply;
import dev.flywheel.model.api.ProjectSummary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

/**
 * The one change notification every Flywheel view follows: while anyone listens, a system job polls each connected
 * backend's projects and model lists and tells the listeners which project changed (a new active version, a run
 * queued, finished or failed, new annotations, a new audit), so no view shows a stale version until Refresh.
 *
 * <p>Listeners are called on the watcher's thread; a view moves to the UI thread itself.
 */
public final class ChangeWatcher {

    /** The family of the polling job: not {@link FlywheelJobs#FAMILY}, which tests wait to empty. */
    public static final Object FAMILY = ChangeWatcher.class;

    /**
     * What changed.
     *
     * @param connection the backend
     * @param project the project that changed, or {@link #PROJECTS} when the backend's list of projects did
     */
    public record Change(BackendConnection connection, long project) {

        /** The project id of a change to the list of projects itself. */
        public static final long PROJECTS = -1;

        /** Whether the change concerns {@code id} of {@code backend}: its own, or the list of all projects. */
        public boolean concerns(BackendConnection backend, long id) {
            return connection.equals(backend) && (project == id || project == PROJECTS);
        }
    }

    private final Supplier<List<BackendConnection>> connections;
    private final Function<BackendConnection, FlywheelClient> clients;
    private final long intervalMillis;
    private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<ModelsSeen>> modelListeners = new CopyOnWriteArrayList<>();
    /** What the last poll saw per backend and project; only the polling job touches it. */
    private final Map<BackendConnection, Map<Long, String>> seen = new HashMap<>();
    private final Job poller;

    /**
     * What one poll saw of a project's versions, for those that follow runs (training progress).
     *
     * @param connection the backend
     * @param project the project
     * @param models its versions as listed
     */
    public record ModelsSeen(BackendConnection connection, long project, ModelsReply models) {}

    /** A watcher of the backends {@code connections} lists, through {@code clients}, every {@code intervalMillis}. */
    public ChangeWatcher(Supplier<List<BackendConnection>> connections, Function<BackendConnection, FlywheelClient> clients,
            long intervalMillis) {
        this.connections = Objects.requireNonNull(connections);
        this.clients = Objects.requireNonNull(clients);
        this.intervalMillis = intervalMillis;
        this.poller = new Job(Messages.ChangeWatcher_name) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    poll(monitor);
                } catch (RuntimeException e) {
                    // one bad answer or listener must not stop the watching: the next poll tries again
                } finally {
                    if (!monitor.isCanceled() && !listeners.isEmpty()) {
                        schedule(ChangeWatcher.this.intervalMillis);
                    }
                }
                return Status.OK_STATUS;
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == FAMILY;
            }
        };
        poller.setSystem(true);
        poller.setPriority(Job.LONG);
    }

    /**
     * Calls {@code listener} for every change from now on, starting the polling if it is the first; closing the answer
     * stops the calls (and the polling after the last listener).
     */
    public AutoCloseable subscribe(Consumer<Change> listener) {
        listeners.add(Objects.requireNonNull(listener));
        poller.schedule(0);
        return () -> {
            listeners.remove(listener);
            if (listeners.isEmpty()) {
                poller.cancel();
            }
        };
    }

    /** Hands {@code listener} every poll's model list; it only hears while some {@link #subscribe} listener keeps the watcher polling. */
    public AutoCloseable followModels(Consumer<ModelsSeen> listener) {
        modelListeners.add(Objects.requireNonNull(listener));
        return () -> modelListeners.remove(listener);
    }

    /**
     * Shows the run of {@code version} in the Progress view as a {@link TrainingJob}, unless a job follows it already;
     * the watcher does this itself for every queued or training run it sees.
     *
     * @return the job following the run
     */
    public TrainingJob followRun(BackendConnection connection, long project, String title, String version) {
        synchronized (this) {
            for (Job job : Job.getJobManager().find(TrainingJob.class)) {
                if (job instanceof TrainingJob training && training.follows(connection, project, version)) {
                    return training;
                }
            }
            TrainingJob job = new TrainingJob(connection, project, title, version, clients);
            job.schedule();
            return job;
        }
    }

    /** Polls now rather than at the next interval (after the user changed something). */
    public void pollSoon() {
        if (!listeners.isEmpty()) {
            poller.schedule(0);
        }
    }

    private void poll(IProgressMonitor monitor) {
        List<BackendConnection> current = connections.get();
        seen.keySet().retainAll(current);
        for (BackendConnection connection : current) {
            if (monitor.isCanceled()) {
                return;
            }
            Map<Long, String> now = fingerprints(connection);
            if (now == null) {
                continue; // an unreachable backend keeps its views as they are, and its last fingerprints
            }
            Map<Long, String> before = seen.put(connection, now);
            if (before == null) {
                // The first look may come after a change the views loaded too early to see: they reload once.
                notify(new Change(connection, Change.PROJECTS));
                continue;
            }
            if (!before.keySet().equals(now.keySet())) {
                notify(new Change(connection, Change.PROJECTS));
                continue;
            }
            now.forEach((project, fingerprint) -> {
                if (!fingerprint.equals(before.get(project))) {
                    notify(new Change(connection, project));
                }
            });
        }
    }

    /** Per project what a view shows of it, as one string; {@code null} when the backend cannot be reached. */
    private Map<Long, String> fingerprints(BackendConnection connection) {
        try {
            FlywheelClient client = clients.apply(connection);
            Map<Long, String> prints = new HashMap<>();
            for (ProjectSummary project : client.projects().projects()) {
                ModelsReply models = client.models(project.id());
                ModelsSeen sight = new ModelsSeen(connection, project.id(), models);
                modelListeners.forEach(l -> l.accept(sight));
                StringBuilder print = new StringBuilder().append(project.tasks()).append('/').append(project.annotations())
                        .append('/').append(models.active());
                for (ModelSummary model : models.models()) {
                    print.append(' ').append(model.version()).append(':').append(model.status());
                    if (model.status() == ModelStatus.QUEUED || model.status() == ModelStatus.TRAINING) {
                        followRun(connection, project.id(), project.title(), model.version());
                    }
                }
                print.append(" audit:").append(auditOf(client, project.id()));
                prints.put(project.id(), print.toString());
            }
            return prints;
        } catch (BackendException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Which version's audit the label issues come from, so Label Issues follows a finished audit too. */
    private static String auditOf(FlywheelClient client, long project) {
        try {
            return String.valueOf(client.labelIssues(project, 1, null).modelVersion());
        } catch (BackendException e) {
            return "none"; //$NON-NLS-1$
        }
    }

    private void notify(Change change) {
        for (Consumer<Change> listener : listeners) {
            listener.accept(change);
        }
    }
}
