package dev.flywheel.eclipse.ui.views;

import dev.flywheel.eclipse.core.settings.BackendConnection;
import dev.flywheel.eclipse.core.settings.BackendSettings;
import dev.flywheel.eclipse.ui.testing.RealBackend;
import dev.flywheel.eclipse.ui.testing.Workbench;
import java.util.List;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.ui.IPerspectiveDescriptor;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;

/**
 * The steps every view test takes on the workbench's page, kept in one place so the tests differ only in what they
 * check: connect to the seeded backend, open Datasets on its one project, and leave the page as the next test expects.
 */
final class SeededPage {

    private SeededPage() {}

    /** The workbench's page, its shell at the size the view tests lay out in. */
    static IWorkbenchPage page() {
        IWorkbenchPage page = PlatformUI.getWorkbench().getWorkbenchWindows()[0].getActivePage();
        page.getWorkbenchWindow().getShell().setSize(1400, 900);
        return page;
    }

    /** Connects the workspace to {@code backend} alone, its tasks opening in the Label Studio at {@code labelStudioUrl}. */
    static void connect(RealBackend backend, String labelStudioUrl) {
        BackendSettings.ofWorkspace().setConnections(List.of(new BackendConnection("local", backend.url(), "", labelStudioUrl)));
    }

    /** Switches {@code page} to the Flywheel perspective, reset, on a newcomer's 1366 × 768 screen; returns the one it left. */
    static IPerspectiveDescriptor flywheelPerspective(IWorkbenchPage page) {
        IPerspectiveDescriptor before = page.getPerspective();
        page.getWorkbenchWindow().getShell().setBounds(0, 0, 1366, 768);
        page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry().findPerspectiveWithId(FlywheelPerspective.ID));
        page.resetPerspective();
        return before;
    }

    /** Opens Datasets and waits, up to {@code timeoutMillis}, for the seeded project under the one connection. */
    static DatasetsView openProjects(IWorkbenchPage page, long timeoutMillis) throws PartInitException {
        DatasetsView datasets = (DatasetsView) page.showView(DatasetsView.ID);
        Tree tree = datasets.tree().getTree();
        Workbench.waitFor("the projects", () -> tree.getItemCount() == 1 && tree.getItem(0).getItemCount() == 1
                && tree.getItem(0).getItem(0).getData() instanceof ProjectNode, timeoutMillis);
        return datasets;
    }

    /** The seeded project in {@code datasets}, once {@link #openProjects} listed it. */
    static ProjectNode project(DatasetsView datasets) {
        return (ProjectNode) datasets.tree().getTree().getItem(0).getItem(0).getData();
    }

    /** Opens Datasets and selects the seeded project, which the project-following views then show. */
    static DatasetsView selectTheProject(IWorkbenchPage page, long timeoutMillis) throws PartInitException {
        DatasetsView datasets = openProjects(page, timeoutMillis);
        datasets.tree().setSelection(new StructuredSelection(project(datasets)), true);
        return datasets;
    }

    /** Hides the views {@code ids} names, lets their jobs end and forgets the connections, so the next test starts bare. */
    static void close(IWorkbenchPage page, String... ids) {
        for (String id : ids) {
            var ref = page.findViewReference(id);
            if (ref != null) {
                page.hideView(ref);
            }
        }
        Workbench.waitForJobs();
        BackendSettings.ofWorkspace().setConnections(List.of());
    }

    /** Saves a PNG of {@code view} maximized in {@code page}, then restores it for the checks that follow. */
    static void screenshotMaximized(IWorkbenchPage page, IViewPart view, String name) throws Exception {
        page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
        Workbench.screenshot(page.getWorkbenchWindow().getShell(), name);
        page.setPartState(page.getReference(view), IWorkbenchPage.STATE_RESTORED);
    }
}
