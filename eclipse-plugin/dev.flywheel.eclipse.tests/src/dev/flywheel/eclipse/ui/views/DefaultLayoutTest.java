package dev.flywheel.eclipse.ui.views;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flywheel.eclipse.core.display.Figures;
import dev.flywheel.eclipse.ui.testing.RealBackend;
import dev.flywheel.eclipse.ui.testing.Truncation;
import dev.flywheel.eclipse.ui.testing.Workbench;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Flywheel perspective as a newcomer first sees it, on a 1366 × 768 screen: every view filled from the real backend,
 * no value cut, dates in the user's locale and time zone, ratios with their per cent sign; and every view following
 * the backend when a version is activated elsewhere.
 */
class DefaultLayoutTest extends SeededViewTest {

    private static final String MODELS = "/api/v1/projects/" + RealBackend.PROJECT + "/models";

    @AfterEach
    void closeEverything() {
        page.closeAllEditors(false);
        SeededPage.close(page, LabelIssuesView.ID, DatasetBrowserView.ID, ModelVersionsView.ID, DatasetsView.ID);
        page.getWorkbenchWindow().getShell().setSize(1400, 900);
    }

    /** Opens the Flywheel perspective at 1366 × 768 and selects the seeded project in Datasets. */
    private DatasetsView openThePerspective() throws Exception {
        backend.settle();
        SeededPage.connect(backend, backend.labelStudioUrl());
        SeededPage.flywheelPerspective(page);
        return SeededPage.selectTheProject(page, 30_000);
    }

    @Test
    void in_the_default_perspective_on_a_small_screen_no_column_or_figure_cuts_its_value() throws Exception {
        backend.settle(); // the newest version audited: the list of issues no longer changes under the test
        JsonNode models = backend.get(MODELS);
        int issues = backend.get("/api/v1/projects/" + RealBackend.PROJECT + "/label-issues?limit=500").path("issues").size();
        DatasetsView datasets = openThePerspective();
        ModelVersionsView versions = (ModelVersionsView) page.showView(ModelVersionsView.ID, null, IWorkbenchPage.VIEW_VISIBLE);
        LabelIssuesView labelIssues = (LabelIssuesView) page.showView(LabelIssuesView.ID, null, IWorkbenchPage.VIEW_VISIBLE);
        StatsPanel stats = datasets.statsPanel();
        Table versionRows = versions.table().getTable();
        Table issueRows = labelIssues.table().getTable();
        Workbench.waitFor("the statistics", () -> stats.header().startsWith(RealBackend.TITLE + " on local"), 60_000);
        Workbench.waitFor("the versions", () -> versionRows.getItemCount() == models.path("models").size(), 60_000);
        Workbench.waitFor(issues + " issues, not " + issueRows.getItemCount(), () -> issueRows.getItemCount() == issues, 60_000);
        Workbench.waitForJobs();

        List<String> cut = new ArrayList<>();
        Truncation.cut(datasets.tree().getTree()).forEach(c -> cut.add("Datasets " + c));
        Truncation.cut(stats.annotatorTable().getTable()).forEach(c -> cut.add("Annotators " + c));
        Truncation.cut(versionRows).forEach(c -> cut.add("Model Versions " + c));
        Truncation.cut(issueRows).forEach(c -> cut.add("Label Issues " + c));
        for (Label value : stats.valueLabels()) {
            int needed = value.computeSize(SWT.DEFAULT, SWT.DEFAULT).x;
            if (value.getSize().x < needed) {
                cut.add("Statistics value '" + value.getText() + "' needs " + needed + " px, has " + value.getSize().x);
            }
        }
        String created = models.path("models").get(0).path("created_at").asText();
        String accuracy = versionRows.getItem(0).getText(5);
        Workbench.screenshot(page.getWorkbenchWindow().getShell(), "default-perspective-1366x768.png");
        assertAll(
                () -> assertEquals(List.of(), cut),
                () -> assertEquals(Figures.dateTime(created), versionRows.getItem(0).getText(3), "created, in the user's locale and zone"),
                () -> assertTrue(!versionRows.getItem(0).getText(3).contains("T"), versionRows.getItem(0).getText(3)),
                () -> assertTrue(accuracy.endsWith("%"), accuracy));
    }

    @Test
    void a_version_activated_elsewhere_reaches_every_view_without_refresh() throws Exception {
        JsonNode models = backend.get(MODELS);
        String active = models.path("active").asText();
        String older = models.path("models").get(models.path("models").size() - 1).path("version").asText();
        DatasetsView datasets = openThePerspective();
        ModelVersionsView versions = (ModelVersionsView) page.showView(ModelVersionsView.ID, null, IWorkbenchPage.VIEW_VISIBLE);
        Table versionRows = versions.table().getTable();
        int olderRow = models.path("models").size() - 1;
        Workbench.waitFor("the versions", () -> versionRows.getItemCount() == models.path("models").size(), 30_000);
        Tree tree = datasets.tree().getTree();
        assertEquals(active, tree.getItem(0).getItem(0).getText(4));

        try {
            backend.post(MODELS + "/" + older + "/activate"); // as a script or another IDE would: not through these views

            Workbench.waitFor("Datasets to show " + older, () -> older.equals(tree.getItem(0).getItem(0).getText(4)), 60_000);
            Workbench.waitFor("Model Versions to mark " + older, () -> versionRows.getItemCount() > olderRow
                    && "\u25CF".equals(versionRows.getItem(olderRow).getText(0)), 60_000);
            assertAll(
                    () -> assertEquals("", versionRows.getItem(0).getText(0), "the newest is no longer marked"),
                    () -> assertTrue(tree.getItem(0).getItem(0).getData() instanceof ProjectNode p && p.ref().id() == RealBackend.PROJECT),
                    () -> assertEquals(RealBackend.PROJECT, ((ProjectNode) datasets.tree().getStructuredSelection().getFirstElement()).ref().id(),
                            "the project stays selected"));
        } finally {
            backend.post(MODELS + "/" + active + "/activate");
        }
    }
}
