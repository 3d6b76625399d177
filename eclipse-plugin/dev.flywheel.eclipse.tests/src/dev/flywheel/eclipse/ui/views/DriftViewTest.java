package dev.flywheel.eclipse.ui.views;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flywheel.eclipse.core.display.Figures;
import dev.flywheel.eclipse.ui.testing.RealBackend;
import dev.flywheel.eclipse.ui.testing.Truncation;
import dev.flywheel.eclipse.ui.testing.Workbench;
import dev.flywheel.model.api.MovedSample;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Drift view in a real workbench, on the drift report of the images the seeded backend served. */
class DriftViewTest extends SeededViewTest {

    private static final String DRIFT = "/api/v1/projects/" + RealBackend.PROJECT + "/drift";

    /** The perspective before a test switched to Flywheel's, restored after it so later tests find the views they expect. */
    private org.eclipse.ui.IPerspectiveDescriptor before;

    @AfterEach
    void closeEverything() {
        SeededPage.close(page, DriftView.ID, DatasetBrowserView.ID, DatasetsView.ID);
        if (before != null) {
            // Closed, not only left: its views would live on and later tests would get their stale instances.
            var flywheel = page.getPerspective();
            page.setPerspective(before);
            page.closePerspective(flywheel, false, false);
            before = null;
        }
        page.getWorkbenchWindow().getShell().setSize(1400, 900);
    }

    /** The report the view will show: the active version has served the seeded tasks (again, after earlier tests). */
    private JsonNode servedAndReported() throws Exception {
        backend.settle();
        backend.predictAll(); // a version trained by an earlier test has served nothing yet
        return backend.get(DRIFT);
    }

    /** Opens Datasets and Drift on the seeded project, in a shell of the given size, and waits for the report's tests. */
    private DriftView open(JsonNode report, boolean defaultPerspective) throws Exception {
        SeededPage.connect(backend, backend.labelStudioUrl());
        if (defaultPerspective) {
            before = SeededPage.flywheelPerspective(page);
        }
        SeededPage.selectTheProject(page, 30_000);
        DriftView view = (DriftView) page.showView(DriftView.ID);
        int tests = report.path("per_feature").size() + (report.path("embedding").isObject() ? 1 : 0);
        Table table = view.table().getTable();
        Workbench.waitFor("the drift report", () -> table.getItemCount() == tests
                && view.movedTable().rows().size() == report.path("moved").size(), 30_000);
        return view;
    }

    @Test
    void the_verdict_each_test_and_how_far_each_feature_moved_are_shown_as_the_backend_reported_them() throws Exception {
        JsonNode report = servedAndReported();
        int tests = report.path("per_feature").size() + (report.path("embedding").isObject() ? 1 : 0);
        DriftView view = open(report, false);
        Table table = view.table().getTable();

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
        SeededPage.screenshotMaximized(page, view, "drift-view.png");
    }

    @Test
    void the_chart_over_time_plots_each_windows_p_value_and_statistic_at_its_time_beside_the_significance_level() throws Exception {
        JsonNode report = servedAndReported();
        JsonNode history = report.path("history");
        DriftView view = open(report, false);
        view.tabs().setSelection(1);

        List<String> ends = new ArrayList<>();
        double[] pValues = new double[history.size()];
        double[] statistics = new double[history.size()];
        for (int i = 0; i < history.size(); i++) {
            ends.add(history.get(i).path("to").asText());
            pValues[i] = history.get(i).path("p_value").asDouble();
            statistics[i] = history.get(i).path("statistic").asDouble();
        }
        var series = view.historyChart().getSeriesSet().getSeries();
        String[] categories = view.historyChart().getAxisSet().getXAxis(0).getCategorySeries();
        assertAll(
                () -> assertTrue(history.size() >= 2, "the seeded tasks served twice make at least two windows: " + history),
                () -> assertEquals(3, series.length, "p-value, the level, the statistic"),
                () -> assertArrayEquals(pValues, series[0].getYSeries(), 1e-12),
                () -> assertArrayEquals(statistics, series[2].getYSeries(), 1e-12),
                () -> assertEquals(0.05, series[1].getYSeries()[0], 1e-12),
                () -> assertEquals(Figures.timeLabels(ends), List.of(categories), "each window at the time of its last image"),
                () -> assertTrue(series[0].getLabel().isVisible(), "each point labelled with its p-value"),
                () -> assertEquals("Window (time of its last image)", view.historyChart().getAxisSet().getXAxis(0).getTitle().getText()),
                () -> assertEquals("p-value", view.historyChart().getAxisSet().getYAxis(0).getTitle().getText()),
                () -> assertEquals("Statistic", view.historyChart().getAxisSet().getYAxis(1).getTitle().getText()),
                () -> assertTrue(view.historyChart().getToolTipText().contains("p = 0.050"), view.historyChart().getToolTipText()),
                () -> assertTrue(view.historyCaption().endsWith(" of " + history.size() + " windows drifted"), view.historyCaption()));
        SeededPage.screenshotMaximized(page, view, "drift-view-over-time.png");
    }

    @Test
    void the_samples_that_moved_most_are_listed_farthest_first_and_open_in_the_dataset_browser_and_label_studio() throws Exception {
        JsonNode report = servedAndReported();
        JsonNode moved = report.path("moved");
        DriftView view = open(report, false);
        view.tabs().setSelection(2);
        List<String> opened = new ArrayList<>();
        view.openAction().testBrowser(opened::add);
        List<MovedSample> rows = view.movedTable().rows();
        long task = moved.get(0).path("task_id").asLong();

        view.movedTable().viewer().setSelection(new StructuredSelection(rows.get(0)), true);
        Workbench.waitFor("the preview", () -> view.preview().shownTask() == task && view.preview().image() != null);
        view.openAction().run();
        view.showInBrowserAction().run();
        DatasetBrowserView browser = (DatasetBrowserView) page.findView(DatasetBrowserView.ID);
        Workbench.waitFor("the task in the Dataset Browser", () -> browser != null && browser.preview().shownTask() == task);

        Table table = view.movedTable().viewer().getTable();
        assertAll(
                () -> assertTrue(moved.size() >= 1, report::toString),
                () -> assertEquals(moved.size(), rows.size()),
                () -> assertEquals(Long.toString(task), table.getItem(0).getText(1)),
                () -> assertEquals(Figures.decimal(moved.get(0).path("distance").asDouble()), table.getItem(0).getText(2)),
                () -> assertTrue(table.getItem(0).getText(3).startsWith(moved.get(0).path("moved_most").asText() + ", "),
                        table.getItem(0).getText(3)),
                () -> assertEquals("48 \u00D7 48", table.getItem(0).getText(6)),
                () -> assertEquals(List.of(backend.labelStudioUrl() + "/projects/" + RealBackend.PROJECT + "/data?task=" + task), opened));
        page.activate(view);
        SeededPage.screenshotMaximized(page, view, "drift-view-moved.png");
    }

    @Test
    void in_the_default_perspective_on_a_small_screen_no_drift_value_is_cut() throws Exception {
        JsonNode report = servedAndReported();
        DriftView view = open(report, true);
        List<String> cut = new ArrayList<>();
        for (int tab = 0; tab < 3; tab++) {
            view.tabs().setSelection(tab);
            Workbench.waitForJobs();
            if (tab == 0) {
                Truncation.cut(view.table().getTable()).forEach(c -> cut.add("Tests " + c));
            }
            if (tab == 2) {
                Truncation.cut(view.movedTable().viewer().getTable()).forEach(c -> cut.add("Moved most " + c));
            }
            Workbench.screenshot(page.getWorkbenchWindow().getShell(), "drift-view-1366x768-tab" + tab + ".png");
        }
        view.tabs().setSelection(1);
        var title = view.historyChart().getTitle();
        org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(view.historyChart());
        gc.setFont(title.getFont());
        int titleWidth = gc.textExtent(title.getText()).x;
        gc.dispose();
        Label status = view.statusLine();
        int statusHeight = status.computeSize(status.getSize().x, SWT.DEFAULT).y;
        assertAll(
                () -> assertEquals(List.of(), cut),
                () -> assertTrue(status.getSize().y >= statusHeight, "the verdict wraps whole: needs " + statusHeight + " px, has "
                        + status.getSize().y),
                () -> assertTrue(titleWidth <= view.historyChart().getSize().x, "the chart's summary '" + title.getText() + "' needs "
                        + titleWidth + " px, has " + view.historyChart().getSize().x),
                () -> assertTrue(view.historyChart().getSize().y > 150, "room to draw the chart over time: " + view.historyChart().getSize()));
    }
}
