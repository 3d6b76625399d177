package dev.flywheel.eclipse.ui.views;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flywheel.eclipse.core.client.FakeBackend;
import dev.flywheel.eclipse.core.client.SampleProject;
import dev.flywheel.eclipse.core.display.VersionRow;
import dev.flywheel.eclipse.core.settings.BackendConnection;
import dev.flywheel.eclipse.core.settings.BackendSettings;
import dev.flywheel.eclipse.ui.editors.CompareRunsEditorProbe;
import dev.flywheel.eclipse.ui.testing.Workbench;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Model Versions view and the Compare Runs editor in a real workbench, against {@link FakeBackend}
 * serving {@link SampleProject} (standing in for ml-backend's /api/v1 until it exists).
 */
class ModelVersionsViewTest {

    private final BackendSettings settings = BackendSettings.ofWorkspace();
    private IWorkbenchPage page;
    private FakeBackend backend;

    @BeforeEach
    void connectAndSelectTheSampleProject() throws Exception {
        backend = SampleProject.serve(FakeBackend.routed());
        settings.setConnections(List.of(new BackendConnection("local", backend.url(), "")));
        page = PlatformUI.getWorkbench().getWorkbenchWindows()[0].getActivePage();
        page.getWorkbenchWindow().getShell().setSize(1400, 900);
        DatasetsView datasets = (DatasetsView) page.showView(DatasetsView.ID);
        Tree tree = datasets.tree().getTree();
        Workbench.waitFor("the projects", () -> tree.getItemCount() == 1 && tree.getItem(0).getItemCount() == 2);
        datasets.tree().setSelection(new StructuredSelection(tree.getItem(0).getItem(0).getData()), true);
    }

    @AfterEach
    void closeEverything() {
        page.closeAllEditors(false);
        for (String id : new String[] {ModelVersionsView.ID, DatasetsView.ID}) {
            var ref = page.findViewReference(id);
            if (ref != null) {
                page.hideView(ref);
            }
        }
        Workbench.waitForJobs();
        backend.close();
        settings.setConnections(List.of());
    }

    private ModelVersionsView openVersions() throws Exception {
        ModelVersionsView view = (ModelVersionsView) page.showView(ModelVersionsView.ID);
        Table table = view.table().getTable();
        Workbench.waitFor("the versions", () -> table.getItemCount() == 3 && view.curve().getSeriesSet().getSeries().length == 2);
        return view;
    }

    @Test
    void the_versions_of_the_selected_project_show_quality_savings_the_active_marker_and_the_learning_curve() throws Exception {
        ModelVersionsView view = openVersions();

        Table table = view.table().getTable();
        assertAll(
                () -> assertEquals(SampleProject.V3, table.getItem(0).getText(1)),
                () -> assertEquals("training", table.getItem(0).getText(2)),
                () -> assertEquals("\u25CF", table.getItem(1).getText(0), "the active version is marked"),
                () -> assertEquals("", table.getItem(2).getText(0)),
                () -> assertEquals("700", table.getItem(1).getText(4)),
                () -> assertEquals("88.0 %", table.getItem(1).getText(5)),
                () -> assertEquals("84.0 %", table.getItem(1).getText(6)),
                () -> assertEquals("1 min 35 s", table.getItem(1).getText(7)),
                () -> assertEquals("80.0 %", table.getItem(1).getText(8)),
                () -> assertEquals("3.5 s", table.getItem(1).getText(9)),
                () -> assertArrayEquals(new double[] {300, 700}, view.curve().getSeriesSet().getSeries()[0].getXSeries()),
                () -> assertArrayEquals(new double[] {0.75, 0.88}, view.curve().getSeriesSet().getSeries()[0].getYSeries()),
                () -> assertTrue(view.statusLine().getText().contains("a run is in progress"), view.statusLine().getText()));
        page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
        Workbench.screenshot(page.getWorkbenchWindow().getShell(), "model-versions-view.png");
        page.setPartState(page.getReference(view), IWorkbenchPage.STATE_RESTORED);
    }

    @Test
    void while_a_run_is_training_the_view_keeps_asking_for_the_versions() throws Exception {
        ModelVersionsView view = openVersions();
        view.testHooks(100, (title, question) -> true);

        view.refresh();

        Workbench.waitFor("two more polls", () -> backend.requests().stream()
                .filter("GET /api/v1/projects/3/models"::equals).count() >= 4);
    }

    @Test
    void train_now_posts_a_training_run_and_activate_asks_first_and_posts_only_when_confirmed() throws Exception {
        ModelVersionsView view = openVersions();
        List<String> questions = new ArrayList<>();
        view.testHooks(60_000, (title, question) -> questions.add(question) && questions.size() > 1);

        view.trainAction().run();
        Workbench.waitFor("the train request", () -> backend.requests().contains("POST /api/v1/projects/3/train"));

        VersionRow v1 = (VersionRow) view.table().getElementAt(2);
        view.table().setSelection(new StructuredSelection(v1));
        assertTrue(view.activateAction().isEnabled());
        view.activateAction().run();
        Workbench.pump();
        assertFalse(backend.requests().stream().anyMatch(r -> r.endsWith("/activate")), "declined: nothing is sent");

        view.activateAction().run();
        Workbench.waitFor("the activate request",
                () -> backend.requests().contains("POST /api/v1/projects/3/models/" + SampleProject.V1 + "/activate"));
        assertTrue(questions.get(0).startsWith("Make " + SampleProject.V1 + " serve the pre-labels of Cats and dogs"),
                questions.get(0));
    }

    @Test
    void compare_opens_an_editor_with_metric_deltas_f1_changes_confusions_changed_tasks_and_the_data_diff() throws Exception {
        ModelVersionsView view = openVersions();
        view.table().setSelection(new StructuredSelection(List.of(view.table().getElementAt(1), view.table().getElementAt(2))));
        assertTrue(view.compareAction().isEnabled());

        view.compareAction().run();

        CompareRunsEditorProbe editor = CompareRunsEditorProbe.of(page.getActiveEditor());
        Workbench.waitFor("the comparison", editor::loaded);
        editor.assertShowsSampleComparison(backend);
        Workbench.screenshot(page.getWorkbenchWindow().getShell(), "compare-runs-editor.png");
    }
}
