package dev.flywheel.eclipse.ui.views;

import dev.flywheel.eclipse.core.client.BackendException;
import dev.flywheel.eclipse.core.client.FlywheelClient;
import dev.flywheel.eclipse.core.display.ProjectRef;
import dev.flywheel.eclipse.core.jobs.CallJob;
import dev.flywheel.eclipse.core.jobs.ChangeWatcher;
import dev.flywheel.eclipse.core.jobs.Clients;
import dev.flywheel.eclipse.core.jobs.Outcome;
import dev.flywheel.eclipse.core.settings.BackendConnection;
import dev.flywheel.eclipse.core.settings.BackendSettings;
import dev.flywheel.model.api.ProjectStats;
import dev.flywheel.model.api.ProjectSummary;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;

/**
 * The Flywheel Datasets view: a tree of the connected backends and their projects; selecting a project
 * shows its statistics beside the tree and tells the other Flywheel views which project to show. It reloads a backend
 * whenever the workbench's {@link ChangeWatcher} reports a change there, keeping the selected project selected.
 */
public final class DatasetsView extends ViewPart {

    /** The view's id in plugin.xml. */
    public static final String ID = "dev.flywheel.eclipse.views.datasets"; //$NON-NLS-1$

    private final BackendSettings settings = BackendSettings.ofWorkspace();
    private final List<BackendNode> backends = new ArrayList<>();
    private Label status;
    private TreeViewer tree;
    private StatsPanel stats;
    private Job statsJob;
    private final List<Job> running = new ArrayList<>();
    private AutoCloseable watching;

    @Override
    public void createPartControl(Composite parent) {
        status = ViewLayout.statusLine(parent);
        // The tree above its statistics: beside each other, both were too narrow in the default perspective.
        SashForm sash = ViewLayout.fill(new SashForm(parent, SWT.VERTICAL));
        tree = DatasetsTree.create(sash);
        stats = new StatsPanel(sash);
        sash.setWeights(35, 65);
        tree.setInput(backends);
        tree.addSelectionChangedListener(e -> showSelectedProject());
        getSite().setSelectionProvider(tree);
        getViewSite().getActionBars().getToolBarManager().add(new RefreshAction());
        refresh();
        ChangeWatcher watcher = getSite().getService(ChangeWatcher.class);
        if (watcher != null) {
            Display display = parent.getDisplay();
            watching = watcher.subscribe(change -> display.asyncExec(() -> backendChanged(change.connection())));
        }
    }

    /** Reloads one backend's projects after the watcher saw a change there; the tree keeps its rows meanwhile. */
    private void backendChanged(BackendConnection connection) {
        if (!tree.getControl().isDisposed() && backends.stream().anyMatch(b -> b.connection().equals(connection))) {
            load(connection);
        }
    }

    /** Reloads the projects of every connected backend, one job per backend. */
    void refresh() {
        running.forEach(Job::cancel);
        backends.clear();
        List<BackendConnection> connections = settings.connections();
        status.setText(connections.isEmpty() ? NLS.bind(Messages.DatasetsView_noBackend, BackendSettings.DEFAULT_BACKEND_URL) : ""); //$NON-NLS-1$
        for (BackendConnection connection : connections) {
            backends.add(new BackendNode(connection, List.of(), Messages.DatasetsView_loading));
            load(connection);
        }
        tree.refresh();
        status.getParent().layout(true, true);
    }

    private void load(BackendConnection connection) {
        Display display = tree.getControl().getDisplay();
        CallJob<List<ProjectNode>> job = new CallJob<>(NLS.bind(Messages.DatasetsView_loadingJob, connection.name()),
                progress -> projects(connection, progress),
                outcome -> display.asyncExec(() -> render(connection, outcome)));
        schedule(job);
    }

    private static List<ProjectNode> projects(BackendConnection connection, SubMonitor progress) throws BackendException {
        FlywheelClient client = Clients.of(connection);
        List<ProjectSummary> projects = client.projects().projects();
        progress.setWorkRemaining(projects.size() + 1);
        List<ProjectNode> nodes = new ArrayList<>();
        for (ProjectSummary project : projects) {
            Boolean drifted;
            try {
                drifted = client.drift(project.id()).drifted();
            } catch (BackendException e) {
                drifted = null; // no drift report yet (no active version, too few samples): the column says so
            }
            nodes.add(new ProjectNode(new ProjectRef(connection, project.id(), project.title()), project, drifted));
            progress.worked(1);
        }
        return nodes;
    }

    private void render(BackendConnection connection, Outcome<List<ProjectNode>> outcome) {
        if (tree.getControl().isDisposed()) {
            return;
        }
        BackendNode node = switch (outcome) {
            case Outcome.Done<List<ProjectNode>> done -> new BackendNode(connection, done.value(),
                    done.value().isEmpty() ? Messages.DatasetsView_noProjects : null);
            case Outcome.Failed<List<ProjectNode>> failed -> new BackendNode(connection, List.of(), failed.message());
        };
        ProjectRef selected = selectedRef();
        for (int i = 0; i < backends.size(); i++) {
            if (backends.get(i).connection().equals(connection)) {
                backends.set(i, node);
            }
        }
        tree.refresh();
        tree.expandAll();
        if (selected != null && selectedRef() == null) {
            // the reloaded row is a new node: select it again, so the statistics and the other views stay on the project
            node.projects().stream().filter(p -> p.ref().equals(selected)).findFirst()
                    .ifPresent(p -> tree.setSelection(new StructuredSelection(p), true));
        } else if (selected != null) {
            showSelectedProject();
        }
        Columns.pack(tree.getTree());
    }

    private ProjectRef selectedRef() {
        return ((IStructuredSelection) tree.getSelection()).getFirstElement() instanceof ProjectNode p ? p.ref() : null;
    }

    private void showSelectedProject() {
        Object selected = ((IStructuredSelection) tree.getSelection()).getFirstElement();
        if (statsJob != null) {
            statsJob.cancel();
        }
        if (!(selected instanceof ProjectNode project)) {
            stats.showMessage(Messages.Stats_select);
            return;
        }
        stats.showMessage(NLS.bind(Messages.Stats_loading, project.ref().title()));
        Display display = tree.getControl().getDisplay();
        BackendConnection connection = project.ref().connection();
        statsJob = new CallJob<ProjectStats>(NLS.bind(Messages.DatasetsView_statsJob, project.ref().title()),
                progress -> Clients.of(connection).stats(project.ref().id()),
                outcome -> display.asyncExec(() -> renderStats(project, outcome)));
        schedule(statsJob);
    }

    private void renderStats(ProjectNode project, Outcome<ProjectStats> outcome) {
        if (stats.control().isDisposed()) {
            return;
        }
        Object selected = ((IStructuredSelection) tree.getSelection()).getFirstElement();
        if (!project.equals(selected)) {
            return; // the user moved on while this loaded
        }
        switch (outcome) {
            case Outcome.Done<ProjectStats> done -> stats.show(NLS.bind(Messages.Stats_header, project.ref().title(),
                    project.ref().connection().name()), done.value());
            case Outcome.Failed<ProjectStats> failed -> stats.showMessage(failed.message());
        }
    }

    private void schedule(Job job) {
        running.removeIf(j -> j.getState() == Job.NONE);
        running.add(job);
        job.schedule();
    }

    @Override
    public void setFocus() {
        tree.getControl().setFocus();
    }

    @Override
    public void dispose() {
        if (watching != null) {
            try {
                watching.close();
            } catch (Exception e) {
                // unsubscribing only removes a listener from a list
            }
        }
        running.forEach(Job::cancel);
        super.dispose();
    }

    /** For tests in the fragment. */
    Label statusLine() {
        return status;
    }

    TreeViewer tree() {
        return tree;
    }

    StatsPanel statsPanel() {
        return stats;
    }

    private final class RefreshAction extends Action {
        RefreshAction() {
            super(Messages.DatasetsView_refresh);
            setToolTipText(Messages.DatasetsView_refreshTooltip);
            setImageDescriptor(PlatformUI.getWorkbench().getSharedImages().getImageDescriptor(ISharedImages.IMG_ELCL_SYNCED));
        }

        @Override
        public void run() {
            refresh();
        }
    }
}
