package dev.flywheel.eclipse.ui.views;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flywheel.eclipse.core.display.Figures;
import dev.flywheel.eclipse.ui.testing.RealBackend;
import dev.flywheel.eclipse.ui.testing.Workbench;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Label Issues view in a real workbench against the real ml-backend, whose cross-validation audit ranked the
 * seeded shape annotations (three of them deliberately flipped).
 */
class LabelIssuesViewTest extends SeededViewTest {

    @AfterEach
    void closeEverything() {
        SeededPage.close(page, LabelIssuesView.ID, DatasetsView.ID);
    }

    private LabelIssuesView openIssues(String labelStudioUrl, int expectedRows) throws Exception {
        backend.settle();
        SeededPage.connect(backend, labelStudioUrl);
        SeededPage.selectTheProject(page, 10_000);
        LabelIssuesView view = (LabelIssuesView) page.showView(LabelIssuesView.ID);
        Table table = view.table().getTable();
        Workbench.waitFor("the issues", () -> table.getItemCount() == expectedRows && view.statusLine().getText().contains("audit of"));
        return view;
    }

    @Test
    void suspects_are_listed_in_the_backends_ranking_with_the_seeded_given_label_and_the_suggested_one() throws Exception {
        backend.settle();
        JsonNode issues = backend.get("/api/v1/projects/" + RealBackend.PROJECT + "/label-issues?limit=500").path("issues");
        assertTrue(issues.size() > 0, "the audit found suspects among the flipped labels");
        LabelIssuesView view = openIssues(backend.labelStudioUrl(), issues.size());

        Table table = view.table().getTable();
        for (int i = 0; i < table.getItemCount(); i++) {
            JsonNode issue = issues.get(i);
            long task = issue.path("task_id").asLong();
            int row = i;
            assertAll("rank " + (i + 1),
                    () -> assertEquals(Integer.toString(row + 1), table.getItem(row).getText(0)),
                    () -> assertEquals(Long.toString(task), table.getItem(row).getText(1)),
                    () -> assertEquals(RealBackend.givenLabel((int) (task - RealBackend.FIRST_TASK)), table.getItem(row).getText(2)),
                    () -> assertEquals(issue.path("suggested_label").asText(), table.getItem(row).getText(3)),
                    () -> assertNotEquals(table.getItem(row).getText(2), table.getItem(row).getText(3)),
                    () -> assertEquals(Figures.percent(issue.path("self_confidence").asDouble()), table.getItem(row).getText(4)),
                    // who gave the label, by the e-mail Label Studio sent with the seeded annotations
                    () -> assertEquals(RealBackend.ANNOTATOR_EMAIL, table.getItem(row).getText(6)));
        }
        assertTrue(view.statusLine().getText().startsWith(issues.size() + " likely label errors in " + RealBackend.TITLE),
                view.statusLine().getText());
        List<String> columns = java.util.Arrays.stream(table.getColumns()).map(c -> c.getText()).toList();
        assertAll(
                () -> assertEquals(List.of("Rank", "Task", "Given label", "Suggested label", "Self-confidence", "Score", "Annotator"), columns,
                        "no Box issue column in a classification project"),
                () -> assertFalse(view.statusLine().getText().contains("Provisional"), "the audit is done: " + view.statusLine().getText()),
                () -> assertTrue(view.statusLine().getText().contains(coverage(backend.get("/api/v1/projects/" + RealBackend.PROJECT
                        + "/label-issues"))), "says how many tasks were judged and the noise estimate: " + view.statusLine().getText()));
    }

    /** The coverage and noise estimate as the backend reported them, in the words the view uses. */
    private static String coverage(JsonNode page) {
        return "Judged " + page.path("coverage").path("out_of_sample").asLong() + " of " + page.path("coverage").path("labeled").asLong()
                + " labelled tasks; about " + Figures.percent(page.path("estimated_noise_rate").asDouble());
    }

    @Test
    void selecting_a_suspect_previews_its_image_and_open_in_label_studio_opens_its_data_manager_url() throws Exception {
        backend.settle();
        JsonNode issues = backend.get("/api/v1/projects/" + RealBackend.PROJECT + "/label-issues?limit=500").path("issues");
        LabelIssuesView view = openIssues(backend.labelStudioUrl(), issues.size());
        List<String> opened = new ArrayList<>();
        view.testBrowser(opened::add);
        long task = issues.get(0).path("task_id").asLong();
        int servedBefore = backend.imagesServed();

        view.table().setSelection(new StructuredSelection(view.table().getElementAt(0)), true);
        Workbench.waitFor("the preview", () -> view.preview().shownTask() == task);
        assertTrue(view.openAction().isEnabled());
        view.openAction().run();

        assertAll(
                () -> assertEquals(256, view.preview().image().getBounds().width, "the 48 px shape scaled to the preview"),
                () -> assertTrue(view.preview().caption().contains("48 \u00D7 48"), view.preview().caption()),
                () -> assertTrue(backend.imagesServed() >= servedBefore, "served by the backend from Label Studio with the token"),
                () -> assertEquals(List.of(backend.labelStudioUrl() + "/projects/" + RealBackend.PROJECT + "/data?task=" + task), opened));
        SeededPage.screenshotMaximized(page, view, "label-issues-view.png");
    }

    @Test
    void without_a_label_studio_url_open_is_disabled_and_says_where_to_set_it() throws Exception {
        backend.settle();
        int rows = backend.get("/api/v1/projects/" + RealBackend.PROJECT + "/label-issues?limit=500").path("issues").size();
        LabelIssuesView view = openIssues("", rows);

        view.table().setSelection(new StructuredSelection(view.table().getElementAt(0)), true);

        assertAll(
                () -> assertFalse(view.openAction().isEnabled()),
                () -> assertTrue(view.openAction().getToolTipText().contains("Preferences"), view.openAction().getToolTipText()));
    }
}
