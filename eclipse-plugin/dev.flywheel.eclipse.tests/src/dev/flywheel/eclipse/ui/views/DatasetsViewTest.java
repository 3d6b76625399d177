package dev.flywheel.eclipse.ui.views;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flywheel.eclipse.core.client.FakeBackend;
import dev.flywheel.eclipse.core.client.SampleProject;
import dev.flywheel.eclipse.core.settings.BackendConnection;
import dev.flywheel.eclipse.core.settings.BackendSettings;
import dev.flywheel.eclipse.ui.testing.Workbench;
import java.util.List;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Datasets view in a real workbench against {@link FakeBackend} serving {@link SampleProject}: an
 * in-test HTTP server speaking the insights contract with shared-model records. It stands in for the
 * real ml-backend until that serves /api/v1; then these tests can boot the backend instead.
 */
class DatasetsViewTest {

    private final BackendSettings settings = BackendSettings.ofWorkspace();
    private IWorkbenchPage page;

    @BeforeEach
    void openWorkbenchPage() {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getWorkbenchWindows()[0];
        page = window.getActivePage();
        window.getShell().setSize(1400, 900);
        settings.setConnections(List.of());
    }

    @AfterEach
    void closeView() {
        var ref = page.findViewReference(DatasetsView.ID);
        if (ref != null) {
            page.hideView(ref);
        }
        Workbench.waitForJobs();
        settings.setConnections(List.of());
    }

    @Test
    void without_a_connection_the_view_says_how_to_connect() throws Exception {
        DatasetsView view = (DatasetsView) page.showView(DatasetsView.ID);
        Workbench.pump();

        String status = view.statusLine().getText();
        assertAll(
                () -> assertEquals(0, view.tree().getTree().getItemCount()),
                () -> assertTrue(status.contains("No Flywheel backend is connected"), status),
                () -> assertTrue(status.contains("Preferences"), status),
                () -> assertTrue(status.contains("http://127.0.0.1:9090"), status));
    }

    @Test
    void the_tree_lists_projects_per_backend_and_selecting_one_shows_its_statistics() throws Exception {
        try (FakeBackend backend = SampleProject.serve(FakeBackend.routed())) {
            settings.setConnections(List.of(new BackendConnection("local", backend.url(), "")));

            DatasetsView view = (DatasetsView) page.showView(DatasetsView.ID);
            Tree tree = view.tree().getTree();
            Workbench.waitFor("the projects", () -> tree.getItemCount() == 1 && tree.getItem(0).getItemCount() == 2);

            TreeItem backendItem = tree.getItem(0);
            TreeItem cats = backendItem.getItem(0);
            assertAll(
                    () -> assertEquals("local (" + backend.url() + ")", backendItem.getText(0)),
                    () -> assertEquals("Cats and dogs", cats.getText(0)),
                    () -> assertEquals("image_classification", cats.getText(1)),
                    () -> assertEquals("1200", cats.getText(2)),
                    () -> assertEquals("980", cats.getText(3)),
                    () -> assertEquals(SampleProject.V2, cats.getText(4)),
                    () -> assertEquals("drifted", cats.getText(5)),
                    () -> assertEquals("\u2014", backendItem.getItem(1).getText(4), "no active version"));

            view.tree().setSelection(new StructuredSelection(cats.getData()), true);
            StatsPanel stats = view.statsPanel();
            Workbench.waitFor("the statistics", () -> stats.header().startsWith("Cats and dogs on local"));

            var figures = stats.figures();
            var bars = stats.classChart().getSeriesSet().getSeries()[0];
            var annotators = stats.annotatorTable().getTable();
            assertAll(
                    () -> assertEquals("1200", figures.get("Tasks")),
                    () -> assertEquals("12", figures.get("Skipped")),
                    () -> assertEquals("6.0 : 1", figures.get("Imbalance (largest : smallest)")),
                    () -> assertEquals("17", figures.get("Open label issues")),
                    () -> assertEquals("85.0 %", figures.get("Mean pairwise agreement")),
                    () -> assertArrayEquals(new String[] {"cat", "dog", "bird"},
                            stats.classChart().getAxisSet().getXAxis(0).getCategorySeries()),
                    () -> assertArrayEquals(new double[] {600, 300, 100}, bars.getYSeries()),
                    () -> assertEquals(2, annotators.getItemCount()),
                    () -> assertEquals("4.2 s", annotators.getItem(0).getText(2)),
                    () -> assertTrue(backend.requests().contains("GET /api/v1/projects/3/stats"), backend.requests()::toString));

            page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
            Workbench.screenshot(page.getWorkbenchWindow().getShell(), "datasets-view.png");
            page.setPartState(page.getReference(view), IWorkbenchPage.STATE_RESTORED);
        }
    }

    @Test
    void a_stopped_backend_shows_why_in_its_tree_row_instead_of_a_dialog() throws Exception {
        String url;
        try (FakeBackend stopped = FakeBackend.routed()) {
            url = stopped.url();
        }
        settings.setConnections(List.of(new BackendConnection("gone", url, "")));

        DatasetsView view = (DatasetsView) page.showView(DatasetsView.ID);
        Tree tree = view.tree().getTree();
        Workbench.waitFor("the error", () -> tree.getItemCount() == 1 && tree.getItem(0).getText(0).contains("Cannot reach"));

        String row = tree.getItem(0).getText(0);
        assertTrue(row.contains("connection refused"), row);
    }
}
