package dev.flywheel.eclipse.ui.views;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flywheel.eclipse.core.settings.BackendConnection;
import dev.flywheel.eclipse.core.settings.BackendSettings;
import dev.flywheel.eclipse.ui.testing.RealBackend;
import dev.flywheel.eclipse.ui.testing.ShapeImages;
import dev.flywheel.eclipse.ui.testing.Workbench;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Datasets view in a real workbench against the real ml-backend, seeded through the Label Studio protocol with
 * {@value RealBackend#TASKS} annotated shape images.
 */
class DatasetsViewTest extends SeededViewTest {

    private final BackendSettings settings = BackendSettings.ofWorkspace();

    @BeforeAll
    static void settle(RealBackend backend) throws Exception {
        backend.settle();
    }

    @BeforeEach
    void disconnect() {
        settings.setConnections(List.of());
    }

    @AfterEach
    void closeView() {
        SeededPage.close(page, DatasetsView.ID);
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
    void the_tree_lists_the_seeded_project_and_selecting_it_shows_the_statistics_the_backend_computed() throws Exception {
        settings.setConnections(List.of(new BackendConnection("local", backend.url(), "")));
        String active = backend.get("/api/v1/projects/" + RealBackend.PROJECT + "/models").path("active").asText();
        JsonNode stats = backend.get("/api/v1/projects/" + RealBackend.PROJECT + "/stats");

        DatasetsView view = SeededPage.openProjects(page, 10_000);
        Tree tree = view.tree().getTree();

        TreeItem backendItem = tree.getItem(0);
        TreeItem shapes = backendItem.getItem(0);
        assertAll(
                () -> assertEquals("local (" + backend.url() + ")", backendItem.getText(0)),
                () -> assertEquals(RealBackend.TITLE, shapes.getText(0)),
                () -> assertEquals(RealBackend.PROJECT, ((ProjectNode) shapes.getData()).ref().id()),
                () -> assertEquals(ShapeImages.LABELS, ((ProjectNode) shapes.getData()).summary().labels()),
                () -> assertEquals("image_classification", shapes.getText(1)),
                () -> assertEquals(Integer.toString(RealBackend.TASKS), shapes.getText(2)),
                () -> assertEquals(Integer.toString(RealBackend.TASKS), shapes.getText(3)),
                () -> assertEquals(active, shapes.getText(4)));

        view.tree().setSelection(new StructuredSelection(shapes.getData()), true);
        StatsPanel panel = view.statsPanel();
        Workbench.waitFor("the statistics", () -> panel.header().startsWith(RealBackend.TITLE + " on local"));

        var figures = panel.figures();
        String[] labels = panel.classChart().getAxisSet().getXAxis(0).getCategorySeries();
        double[] bars = panel.classChart().getSeriesSet().getSeries()[0].getYSeries();
        assertAll(
                () -> assertEquals(Integer.toString(RealBackend.TASKS), figures.get("Tasks")),
                () -> assertEquals(Integer.toString(RealBackend.TASKS), figures.get("Annotations")),
                () -> assertEquals("0", figures.get("Skipped")),
                () -> assertEquals(stats.path("issues_open").asText(), figures.get("Open label issues")),
                () -> assertEquals(3, labels.length),
                () -> assertTrue(List.of(labels).containsAll(ShapeImages.LABELS), List.of(labels)::toString));
        for (int i = 0; i < labels.length; i++) {
            assertEquals(RealBackend.annotationsOf(labels[i]), (long) bars[i], "annotations of " + labels[i]);
        }
        // the annotator by the e-mail Label Studio sent with their annotations, not by their user id
        assertArrayEquals(new String[] {RealBackend.ANNOTATOR_EMAIL, Integer.toString(RealBackend.TASKS), "12.5 s"},
                new String[] {panel.annotatorTable().getTable().getItem(0).getText(0),
                        panel.annotatorTable().getTable().getItem(0).getText(1),
                        panel.annotatorTable().getTable().getItem(0).getText(2)});

        SeededPage.screenshotMaximized(page, view, "datasets-view.png");
    }

    @Test
    void an_annotator_label_studio_sent_no_name_for_is_shown_by_user_id() {
        assertEquals("Annotator #3", StatsPanel.annotator(new dev.flywheel.model.api.AnnotatorStats(3, 10, null)));
        assertEquals("Ann Smith", StatsPanel.annotator(new dev.flywheel.model.api.AnnotatorStats(3, 10, null, "Ann Smith")));
    }

    @Test
    void a_stopped_backend_shows_why_in_its_tree_row_instead_of_a_dialog() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        settings.setConnections(List.of(new BackendConnection("gone", "http://127.0.0.1:" + closedPort, "")));

        DatasetsView view = (DatasetsView) page.showView(DatasetsView.ID);
        Tree tree = view.tree().getTree();
        Workbench.waitFor("the error", () -> tree.getItemCount() == 1 && tree.getItem(0).getText(0).contains("Cannot reach"));

        String row = tree.getItem(0).getText(0);
        assertTrue(row.contains("connection refused"), row);
    }
}
