package dev.flywheel.eclipse.ui.views;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flywheel.eclipse.core.display.Figures;
import dev.flywheel.eclipse.core.display.VersionRow;
import dev.flywheel.eclipse.core.jobs.TrainingJob;
import dev.flywheel.eclipse.ui.editors.CompareRunsEditorProbe;
import dev.flywheel.eclipse.ui.testing.RealBackend;
import dev.flywheel.eclipse.ui.testing.Workbench;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Model Versions view and the Compare Runs editor in a real workbench, against the real ml-backend after it
 * trained on the seeded shape images.
 */
class ModelVersionsViewTest extends SeededViewTest {

    private static final String MODELS = "/api/v1/projects/" + RealBackend.PROJECT + "/models";

    @BeforeEach
    void connectAndSelectTheShapesProject() throws Exception {
        backend.awaitIdle();
        SeededPage.connect(backend, backend.labelStudioUrl());
        SeededPage.selectTheProject(page, 10_000);
    }

    @AfterEach
    void closeEverything() {
        page.closeAllEditors(false);
        SeededPage.close(page, ModelVersionsView.ID, DatasetsView.ID);
    }

    private ModelVersionsView openVersions(int versions) throws Exception {
        ModelVersionsView view = (ModelVersionsView) page.showView(ModelVersionsView.ID);
        Table table = view.table().getTable();
        Workbench.waitFor("the versions", () -> table.getItemCount() == versions && view.curve().getSeriesSet().getSeries().length == 2);
        return view;
    }

    @Test
    void the_versions_the_backend_trained_show_their_status_quality_the_active_marker_and_the_learning_curve() throws Exception {
        JsonNode models = backend.get(MODELS);
        JsonNode curve = backend.get("/api/v1/projects/" + RealBackend.PROJECT + "/learning-curve");
        ModelVersionsView view = openVersions(models.path("models").size());

        Table table = view.table().getTable();
        String active = models.path("active").asText();
        assertTrue(models.path("models").size() >= 2, "the seeding trains at least two versions: " + models);
        for (int i = 0; i < table.getItemCount(); i++) {
            JsonNode model = models.path("models").get(i);
            String version = model.path("version").asText();
            int row = i;
            assertAll("row " + i,
                    () -> assertEquals(version, table.getItem(row).getText(1)),
                    () -> assertEquals("ready", table.getItem(row).getText(2)),
                    () -> assertEquals(version.equals(active) ? "\u25CF" : "", table.getItem(row).getText(0)),
                    () -> assertEquals(model.path("trained_on").asText(), table.getItem(row).getText(4)),
                    () -> assertEquals(Figures.percent(model.path("metrics").path("accuracy").asDouble()), table.getItem(row).getText(5)));
        }
        var series = view.curve().getSeriesSet().getSeries()[0];
        assertAll(
                () -> assertEquals(curve.path("points").size(), series.getXSeries().length),
                () -> assertEquals(100 * curve.path("points").get(0).path("accuracy").asDouble(), series.getYSeries()[0], 1e-9,
                        "in per cent, as the table shows it"),
                () -> assertTrue(view.statusLine().getText().startsWith("Model versions of " + RealBackend.TITLE + " on local"),
                        view.statusLine().getText()));
        SeededPage.screenshotMaximized(page, view, "model-versions-view.png");
    }

    @Test
    void train_now_without_a_new_annotation_is_refused_with_the_backends_reason_and_makes_no_version() throws Exception {
        int before = backend.get(MODELS).path("models").size();
        ModelVersionsView view = openVersions(before);

        view.trainAction().run();

        Workbench.waitFor("the refusal", () -> view.statusLine().getText().startsWith("Nothing to train"), 30_000);
        assertAll(
                () -> assertTrue(view.statusLine().getText().contains("no annotation was added or changed"), view.statusLine().getText()),
                () -> assertEquals(before, backend.get(MODELS).path("models").size()),
                () -> assertEquals(before, view.table().getTable().getItemCount()));
    }

    @Test
    void train_now_queues_a_run_and_the_view_keeps_asking_until_the_new_version_is_ready() throws Exception {
        int before = backend.get(MODELS).path("models").size();
        ModelVersionsView view = openVersions(before);
        view.testHooks(250, (title, question) -> true);
        Table table = view.table().getTable();
        backend.touchAnnotation(5);

        view.trainAction().run();

        Workbench.waitFor("the queued run", () -> table.getItemCount() == before + 1, 20_000);
        String queued = table.getItem(0).getText(1);
        Workbench.waitFor("the run in the Progress view", () -> view.trainingJob() != null, 20_000);
        TrainingJob job = view.trainingJob();
        Workbench.waitFor("the run to finish", () -> table.getItemCount() == before + 1 && "ready".equals(table.getItem(0).getText(2)),
                180_000);
        Workbench.waitFor("the job to end", () -> job.getState() == Job.NONE && job.outcome() != null, 60_000);
        assertAll(
                () -> assertEquals(queued, job.version()),
                () -> assertTrue(job.getName().startsWith("Training " + queued + " of " + RealBackend.TITLE), job.getName()),
                () -> assertEquals("ready", job.outcome()),
                () -> assertTrue(job.reports().stream().anyMatch(r -> r.matches("epoch \\d+ of \\d+, loss \\d+\\.\\d+, hold-out accuracy .* %")),
                        job.reports()::toString),
                () -> assertEquals(queued, backend.get(MODELS).path("models").get(0).path("version").asText()),
                () -> assertEquals(RealBackend.TASKS, backend.get(MODELS + "/" + queued).path("dataset_size").asInt()),
                () -> assertFalse(view.statusLine().getText().contains("in progress"), view.statusLine().getText()));
    }

    @Test
    void activate_asks_first_and_only_a_confirmed_activation_switches_the_backends_active_version() throws Exception {
        JsonNode models = backend.get(MODELS);
        String active = models.path("active").asText();
        ModelVersionsView view = openVersions(models.path("models").size());
        List<String> questions = new ArrayList<>();
        view.testHooks(60_000, (title, question) -> questions.add(question) && questions.size() > 1);
        int olderRow = models.path("models").size() - 1;
        VersionRow older = (VersionRow) view.table().getElementAt(olderRow);
        assertFalse(older.model().version().equals(active), "the oldest version is not the active one");

        try {
            view.table().setSelection(new StructuredSelection(older));
            assertTrue(view.activateAction().isEnabled());
            view.activateAction().run();
            Workbench.waitForJobs();
            assertEquals(active, backend.get(MODELS).path("active").asText(), "declined: the backend keeps its version");

            view.activateAction().run();
            Workbench.waitFor("the new marker", () -> "\u25CF".equals(view.table().getTable().getItem(olderRow).getText(0)));
            assertAll(
                    () -> assertEquals(older.model().version(), backend.get(MODELS).path("active").asText()),
                    () -> assertTrue(questions.get(0).startsWith("Make " + older.model().version() + " serve the pre-labels of "
                            + RealBackend.TITLE), questions.get(0)));
        } finally {
            backend.post(MODELS + "/" + active + "/activate");
        }
    }

    @Test
    void compare_opens_an_editor_with_the_comparison_the_backend_computed() throws Exception {
        JsonNode models = backend.get(MODELS);
        ModelVersionsView view = openVersions(models.path("models").size());
        view.table().setSelection(new StructuredSelection(List.of(view.table().getElementAt(0), view.table().getElementAt(1))));
        assertTrue(view.compareAction().isEnabled());
        String candidate = models.path("models").get(0).path("version").asText();
        String base = models.path("models").get(1).path("version").asText();
        JsonNode expected = backend.get("/api/v1/projects/" + RealBackend.PROJECT + "/compare?base=" + base + "&candidate=" + candidate);

        view.compareAction().run();

        CompareRunsEditorProbe editor = CompareRunsEditorProbe.of(page.getActiveEditor());
        Workbench.waitFor("the comparison", editor::loaded);
        editor.assertShows(base, candidate, RealBackend.TITLE, expected);
        Workbench.waitFor("the pictures of the fixed and broken tasks", editor::thumbnailsLoaded, 30_000);
        List<String> opened = new ArrayList<>();
        long task = editor.openFirstChangedTaskInLabelStudio(opened::add);
        if (task >= 0) {
            assertEquals(List.of(backend.labelStudioUrl() + "/projects/" + RealBackend.PROJECT + "/data?task=" + task), opened);
        }
        Workbench.screenshot(page.getWorkbenchWindow().getShell(), "compare-runs-editor.png");
    }
}
