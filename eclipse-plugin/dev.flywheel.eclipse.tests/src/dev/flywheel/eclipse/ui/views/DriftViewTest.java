package dev.flywheel.eclipse.ui.views;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flywheel.eclipse.core.display.Figures;
import dev.flywheel.eclipse.core.settings.BackendConnection;
import dev.flywheel.eclipse.core.settings.BackendSettings;
import dev.flywheel.eclipse.ui.testing.RealBackend;
import dev.flywheel.eclipse.ui.testing.RealBackendExtension;
import dev.flywheel.eclipse.ui.testing.Workbench;
import java.util.List;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Drift view in a real workbench, on the drift report of the images the seeded backend served. */
@ExtendWith(RealBackendExtension.class)
class DriftViewTest {

    private static RealBackend backend;
    private final BackendSettings settings = BackendSettings.ofWorkspace();
    private IWorkbenchPage page;

    @BeforeAll
    static void startTheBackend(RealBackend started) {
        backend = started;
    }

    @AfterEach
    void closeEverything() {
        for (String id : new String[] {DriftView.ID, DatasetsView.ID}) {
            var ref = page.findViewReference(id);
            if (ref != null) {
                page.hideView(ref);
            }
        }
        Workbench.waitForJobs();
        settings.setConnections(List.of());
    }

    @Test
    void the_verdict_each_test_and_how_far_each_feature_moved_are_shown_as_the_backend_reported_them() throws Exception {
        backend.settle();
        backend.predictAll(); // a version trained by an earlier test has served nothing yet
        JsonNode report = backend.get("/api/v1/projects/" + RealBackend.PROJECT + "/drift");
        int tests = report.path("per_feature").size() + (report.path("embedding").isObject() ? 1 : 0);
        settings.setConnections(List.of(new BackendConnection("local", backend.url(), "")));
        page = PlatformUI.getWorkbench().getWorkbenchWindows()[0].getActivePage();
        page.getWorkbenchWindow().getShell().setSize(1400, 900);
        DatasetsView datasets = (DatasetsView) page.showView(DatasetsView.ID);
        Tree tree = datasets.tree().getTree();
        Workbench.waitFor("the projects", () -> tree.getItemCount() == 1 && tree.getItem(0).getItemCount() == 1
                && tree.getItem(0).getItem(0).getData() instanceof ProjectNode, 30_000);
        datasets.tree().setSelection(new StructuredSelection(tree.getItem(0).getItem(0).getData()), true);

        DriftView view = (DriftView) page.showView(DriftView.ID);
        Table table = view.table().getTable();
        Workbench.waitFor("the drift report", () -> table.getItemCount() == tests, 30_000);

        JsonNode first = report.path("per_feature").get(0);
        String status = view.statusLine().getText();
        assertAll(
                () -> assertTrue(tests >= 5, "five image features and the embedding test: " + report),
                () -> assertEquals(first.path("feature").asText(), table.getItem(0).getText(0)),
                () -> assertEquals("Kolmogorov\u2013Smirnov", table.getItem(0).getText(1)),
                () -> assertEquals(Figures.decimal(first.path("statistic").asDouble()), table.getItem(0).getText(2)),
                () -> assertEquals(Figures.decimal(first.path("reference_median").asDouble()), table.getItem(0).getText(4)),
                () -> assertEquals(Figures.decimal(first.path("current_median").asDouble()), table.getItem(0).getText(5)),
                () -> assertTrue(status.contains("p = " + Figures.decimal(report.path("p_value").asDouble())), status),
                () -> assertTrue(status.contains(report.path("window").path("samples").asText() + " images served by "
                        + report.path("reference_version").asText()), status),
                () -> assertEquals(report.path("per_feature").size(), view.chart().getSeriesSet().getSeries()[0].getYSeries().length));
        page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
        Workbench.screenshot(page.getWorkbenchWindow().getShell(), "drift-view.png");
        page.setPartState(page.getReference(view), IWorkbenchPage.STATE_RESTORED);
    }
}
