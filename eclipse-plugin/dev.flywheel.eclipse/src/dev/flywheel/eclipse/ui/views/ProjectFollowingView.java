package dev.flywheel.eclipse.ui.views;

import dev.flywheel.eclipse.core.client.BackendException;
import dev.flywheel.eclipse.core.display.ProjectRef;
import dev.flywheel.eclipse.core.jobs.CallJob;
import dev.flywheel.eclipse.core.jobs.ChangeWatcher;
import dev.flywheel.eclipse.core.jobs.Outcome;
import java.util.function.BiConsumer;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.part.ViewPart;

/**
 * A view that follows the project selected in the Flywheel Datasets view and the backend's changes to it (the
 * workbench's {@link ChangeWatcher}): a status line, a table, one loading job at a time, and the listeners registered
 * and removed with the view's lifetime.
 */
abstract class ProjectFollowingView extends ViewPart {

    private final ISelectionListener projectListener = this::projectSelected;
    protected Label status;
    protected TableViewer table;
    protected Job loading;
    /** The project shown, or {@code null} before one is selected. */
    protected ProjectRef project;
    private AutoCloseable watching;

    /** A call to the backend about the shown project, run in a job. */
    @FunctionalInterface
    protected interface ProjectCall<T> {
        T run(ProjectRef ref) throws BackendException;
    }

    /** Shows the project of {@code node}, newly selected in the Datasets view. */
    protected abstract void showProject(ProjectNode node);

    /** Reloads the shown project, as after the backend changed it (a new active version, a finished run or audit). */
    protected abstract void refresh();

    private void projectSelected(IWorkbenchPart part, ISelection selection) {
        if (selection instanceof IStructuredSelection structured && structured.getFirstElement() instanceof ProjectNode node
                && !node.ref().equals(project)) {
            showProject(node);
        }
    }

    /**
     * Starts following the Datasets view's selection and the backend's changes, and shows the project selected now or
     * {@code prompt} until there is one; call once the widgets exist.
     */
    protected final void followProjects(String prompt) {
        getSite().getPage().addSelectionListener(DatasetsView.ID, projectListener);
        ChangeWatcher watcher = getSite().getService(ChangeWatcher.class);
        if (watcher != null) {
            var display = status.getDisplay();
            watching = watcher.subscribe(change -> display.asyncExec(() -> {
                if (!status.isDisposed() && project != null && change.concerns(project.connection(), project.id())) {
                    refresh();
                }
            }));
        }
        status.setText(prompt);
        projectSelected(null, getSite().getPage().getSelection(DatasetsView.ID));
    }

    /**
     * Runs {@code call} for the shown project in a job named {@code jobMessage} after {@code delayMillis}, in place of
     * the load before it, and hands the outcome to {@code render} on the UI thread, unless the view closed or another
     * project is shown by then (its own load is on the way). The messages take the project's title; the status line
     * says {@code loadingMessage} meanwhile, unless it is null. Does nothing before a project is shown.
     */
    protected final <T> void load(String loadingMessage, String jobMessage, long delayMillis, ProjectCall<T> call,
            BiConsumer<ProjectRef, Outcome<T>> render) {
        ProjectRef ref = project;
        if (ref == null) {
            return;
        }
        if (loading != null) {
            loading.cancel();
        }
        if (loadingMessage != null) {
            status.setText(NLS.bind(loadingMessage, ref.title()));
        }
        String jobName = NLS.bind(jobMessage, ref.title());
        Display display = status.getDisplay();
        loading = new CallJob<T>(jobName, progress -> call.run(ref), outcome -> display.asyncExec(() -> {
            if (!status.isDisposed() && ref.equals(project)) {
                render.accept(ref, outcome);
            }
        }));
        loading.schedule(delayMillis);
    }

    @Override
    public void setFocus() {
        table.getControl().setFocus();
    }

    @Override
    public void dispose() {
        getSite().getPage().removeSelectionListener(DatasetsView.ID, projectListener);
        if (watching != null) {
            try {
                watching.close();
            } catch (Exception e) {
                // unsubscribing only removes a listener from a list
            }
        }
        if (loading != null) {
            loading.cancel();
        }
        super.dispose();
    }

    /** For tests in the fragment. */
    Label statusLine() {
        return status;
    }

    TableViewer table() {
        return table;
    }
}
