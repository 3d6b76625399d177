package dev.flywheel.eclipse.ui.views;

import dev.flywheel.eclipse.core.display.ProjectRef;
import dev.flywheel.eclipse.core.jobs.ChangeWatcher;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.TableViewer;
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
    private AutoCloseable watching;

    /** Called for every selection change in the Datasets view, on the UI thread. */
    protected abstract void projectSelected(IWorkbenchPart part, ISelection selection);

    /** The project shown, or {@code null} before one is selected. */
    protected abstract ProjectRef shownProject();

    /** Reloads the shown project after the backend changed it (a new active version, a finished run or audit). */
    protected abstract void projectChanged();

    /** Starts following the Datasets view's selection and the backend's changes; call once the widgets exist. */
    protected final void followProjects() {
        getSite().getPage().addSelectionListener(DatasetsView.ID, projectListener);
        ChangeWatcher watcher = getSite().getService(ChangeWatcher.class);
        if (watcher != null) {
            var display = status.getDisplay();
            watching = watcher.subscribe(change -> display.asyncExec(() -> {
                ProjectRef shown = shownProject();
                if (!status.isDisposed() && shown != null && change.concerns(shown.connection(), shown.id())) {
                    projectChanged();
                }
            }));
        }
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
