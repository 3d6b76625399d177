package dev.flywheel.eclipse.ui.views;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.part.ViewPart;

/**
 * A view that follows the project selected in the Flywheel Datasets view: a status line, a table, one loading job at a
 * time, and the listener registered and removed with the view's lifetime.
 */
abstract class ProjectFollowingView extends ViewPart {

    private final ISelectionListener projectListener = this::projectSelected;
    protected Label status;
    protected TableViewer table;
    protected Job loading;

    /** Called for every selection change in the Datasets view, on the UI thread. */
    protected abstract void projectSelected(IWorkbenchPart part, ISelection selection);

    /** Starts following the Datasets view's selection; call once the widgets exist. */
    protected final void followProjects() {
        getSite().getPage().addSelectionListener(DatasetsView.ID, projectListener);
    }

    @Override
    public void setFocus() {
        table.getControl().setFocus();
    }

    @Override
    public void dispose() {
        getSite().getPage().removeSelectionListener(DatasetsView.ID, projectListener);
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
