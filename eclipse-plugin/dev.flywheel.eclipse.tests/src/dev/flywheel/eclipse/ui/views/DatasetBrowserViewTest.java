package dev.flywheel.eclipse.ui.views;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flywheel.eclipse.ui.testing.RealBackend;
import dev.flywheel.eclipse.ui.testing.Workbench;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.LongStream;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dataset browser (a virtual table paging through /tasks) against the real ml-backend's seeded project. */
class DatasetBrowserViewTest extends SeededViewTest {

    private static final String TASKS = "/api/v1/projects/" + RealBackend.PROJECT + "/tasks";
    private ProjectNode shapes;

    @BeforeEach
    void connect() throws Exception {
        backend.settle();
        SeededPage.connect(backend, backend.labelStudioUrl());
        shapes = SeededPage.project(SeededPage.openProjects(page, 10_000));
    }

    @AfterEach
    void closeEverything() {
        SeededPage.close(page, DatasetBrowserView.ID, DatasetsView.ID);
    }

    private DatasetBrowserView open(int pageSize) throws Exception {
        DatasetBrowserView view = (DatasetBrowserView) page.showView(DatasetBrowserView.ID);
        view.testPageSize(pageSize);
        view.showProject(shapes.ref(), shapes.summary().labels());
        return view;
    }

    /** Reads every row's cells; reading a virtual row asks the content provider for it. */
    private static List<String[]> rows(Table table) {
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < table.getItemCount(); i++) {
            var item = table.getItem(i);
            rows.add(new String[] {item.getText(0), item.getText(1), item.getText(2), item.getText(3), item.getText(4)});
        }
        return rows;
    }

    private static void toggle(Button check) {
        check.setSelection(!check.getSelection());
        check.notifyListeners(SWT.Selection, null);
    }

    @Test
    void the_virtual_table_loads_a_page_at_a_time_as_the_last_loaded_row_comes_into_view() throws Exception {
        DatasetBrowserView view = open(10);
        Table table = view.table().getTable();
        Workbench.waitFor("the first page", () -> table.getItemCount() == 10);
        assertTrue(view.statusLine().getText().contains("scroll down for more"), view.statusLine().getText());

        while (table.getItemCount() < RealBackend.TASKS) {
            int loaded = table.getItemCount();
            table.getItem(loaded - 1).getText(0);
            Workbench.waitFor("the page after " + loaded, () -> table.getItemCount() > loaded);
        }

        List<Long> ids = rows(table).stream().map(r -> Long.parseLong(r[0])).toList();
        assertAll(
                () -> assertEquals(LongStream.range(0, RealBackend.TASKS).map(i -> RealBackend.FIRST_TASK + i).boxed().toList(), ids),
                () -> assertEquals(RealBackend.TASKS + " tasks of " + RealBackend.TITLE, view.statusLine().getText()),
                () -> assertEquals(RealBackend.givenLabel(0), rows(table).get(0)[1]));
    }

    @Test
    void filters_by_label_and_issue_ask_the_backend_and_show_only_what_it_selected() throws Exception {
        DatasetBrowserView view = open(100);
        Table table = view.table().getTable();
        Workbench.waitFor("all tasks", () -> table.getItemCount() == RealBackend.TASKS);

        view.labelFilter().select(1 + shapes.summary().labels().indexOf("circle"));
        view.labelFilter().notifyListeners(SWT.Selection, null);
        Workbench.waitFor("the circles", () -> table.getItemCount() == RealBackend.annotationsOf("circle"));
        assertTrue(rows(table).stream().allMatch(r -> r[1].equals("circle")), "only circles");

        toggle(view.issuesOnly());
        int withIssues = backend.get(TASKS + "?label=circle&has_issue=true&limit=1000").path("tasks").size();
        Workbench.waitFor("the circles with issues", () -> table.getItemCount() == withIssues
                && view.statusLine().getText().startsWith(withIssues + " tasks"));
        assertTrue(rows(table).stream().allMatch(r -> r[1].equals("circle") && r[4].startsWith("likely ")),
                () -> rows(table).stream().map(r -> String.join("|", r)).toList().toString());
    }

    @Test
    void open_in_label_studio_opens_the_selected_rows_task_in_its_data_manager() throws Exception {
        DatasetBrowserView view = open(100);
        Table table = view.table().getTable();
        Workbench.waitFor("all tasks", () -> table.getItemCount() == RealBackend.TASKS);
        List<String> opened = new ArrayList<>();
        view.openAction().testBrowser(opened::add);
        assertFalse(view.openAction().isEnabled(), "nothing selected yet");

        for (int row : new int[] {7, 30}) {
            table.getItem(row).getText(0); // a virtual row exists once read
            view.table().setSelection(new StructuredSelection(view.table().getElementAt(row)), true);
            assertTrue(view.openAction().isEnabled());
            view.openAction().run();
        }

        assertEquals(List.of(backend.labelStudioUrl() + "/projects/" + RealBackend.PROJECT + "/data?task=" + table.getItem(7).getText(0),
                backend.labelStudioUrl() + "/projects/" + RealBackend.PROJECT + "/data?task=" + table.getItem(30).getText(0)), opened);
    }

    @Test
    void a_filter_box_that_is_on_looks_ticked_under_the_workbench_theme() throws Exception {
        DatasetBrowserView view = open(100);
        Table table = view.table().getTable();
        Workbench.waitFor("all tasks", () -> table.getItemCount() == RealBackend.TASKS);
        Button box = view.issuesOnly();
        Workbench.pump();
        int unticked = Workbench.bluePixelsOfIndicator(box);

        toggle(box);
        Workbench.waitFor("only tasks with issues", () -> table.getItemCount() < RealBackend.TASKS, 30_000);
        Workbench.pump();

        int ticked = Workbench.bluePixelsOfIndicator(box);
        toggle(box);
        assertAll(
                () -> assertTrue(unticked < 30, "an unticked box has no blue fill: " + unticked + " blue pixels"),
                // a themed box kept only its blue border (about 50 pixels) around a white inside, so it looked unticked
                () -> assertTrue(ticked > 100, "a ticked box is filled blue: " + ticked + " blue pixels"));
    }

    @Test
    void uncertain_first_shows_the_backends_uncertainty_order_with_predictions_and_scores_and_previews_the_selection()
            throws Exception {
        DatasetBrowserView view = open(100);
        Table table = view.table().getTable();
        Workbench.waitFor("all tasks", () -> table.getItemCount() == RealBackend.TASKS);
        JsonNode expected = backend.get(TASKS + "?order=uncertainty&limit=100").path("tasks");

        toggle(view.uncertainFirst());
        Workbench.waitFor("the uncertainty order", () -> table.getItemCount() == RealBackend.TASKS
                && table.getItem(0).getText(0).equals(expected.get(0).path("id").asText())
                && table.getItem(1).getText(0).equals(expected.get(1).path("id").asText()));

        List<String[]> rows = rows(table);
        for (int i = 0; i < rows.size(); i++) {
            JsonNode task = expected.get(i);
            JsonNode prediction = task.path("prediction");
            String[] row = rows.get(i);
            assertAll("row " + i,
                    () -> assertEquals(task.path("id").asText(), row[0]),
                    () -> assertEquals(prediction.isObject() ? prediction.path("labels").get(0).asText() : "\u2014", row[2]),
                    () -> assertEquals(prediction.path("score").isNumber()
                            ? String.format(Locale.ROOT, "%.3f", prediction.path("score").asDouble()) : "\u2014", row[3]));
        }
        assertFalse(rows.get(0)[2].equals("\u2014"), "the seeding asked /predict, so tasks carry predictions");

        view.table().setSelection(new StructuredSelection(view.table().getElementAt(0)), true);
        long first = expected.get(0).path("id").asLong();
        Workbench.waitFor("the preview", () -> view.preview().shownTask() == first && view.preview().image() != null);
        SeededPage.screenshotMaximized(page, view, "dataset-browser-view.png");
    }
}
