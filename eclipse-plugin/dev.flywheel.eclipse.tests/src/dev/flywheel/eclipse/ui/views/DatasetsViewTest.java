package dev.flywheel.eclipse.ui.views;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flywheel.eclipse.core.client.FakeBackend;
import dev.flywheel.eclipse.core.jobs.FlywheelJobs;
import dev.flywheel.eclipse.core.settings.BackendSettings;
import java.nio.file.Files;
import java.util.Arrays;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.IAction;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DatasetsViewTest {

    private final BackendSettings settings = BackendSettings.ofWorkspace();
    private IWorkbenchPage page;

    @BeforeEach
    void openWorkbenchPage() {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getWorkbenchWindows()[0];
        page = window.getActivePage();
        window.getShell().setSize(1280, 800);
        settings.setBackendUrl(null);
    }

    @AfterEach
    void closeView() {
        var ref = page.findViewReference(DatasetsView.ID);
        if (ref != null) {
            page.hideView(ref);
        }
        settings.setBackendUrl(null);
        pump();
    }

    @Test
    void without_a_backend_the_view_shows_an_empty_table_and_says_how_to_connect() throws Exception {
        DatasetsView view = (DatasetsView) page.showView(DatasetsView.ID);
        pump();

        Table table = view.table();
        String status = view.statusLine().getText();
        assertAll(
                () -> assertTrue(table.isVisible(), "the table is shown"),
                () -> assertEquals(2, table.getColumnCount()),
                () -> assertEquals("Item", table.getColumn(0).getText()),
                () -> assertEquals(0, table.getItemCount()),
                () -> assertTrue(view.statusLine().isVisible(), "the status line is shown"),
                () -> assertTrue(status.contains("No Flywheel backend is configured"), status),
                () -> assertTrue(status.contains("http://127.0.0.1:9090"), status),
                () -> assertTrue(status.contains("Refresh"), status));

        Path png = screenshot(page.getWorkbenchWindow().getShell(), "datasets-view.png");
        assertTrue(Files.size(png) > 1000, "a PNG of the workbench was written to " + png);
    }

    @Test
    void refresh_shows_the_health_of_the_configured_backend_in_the_table() throws Exception {
        try (FakeBackend backend = FakeBackend.answering(200, "{\"status\":\"UP\",\"model_class\":\"Flywheel\"}")) {
            settings.setBackendUrl(backend.url());

            DatasetsView view = (DatasetsView) page.showView(DatasetsView.ID);
            waitForFlywheelJobs(view);

            Table table = view.table();
            assertAll(
                    () -> assertEquals("Connected to " + backend.url() + " (status UP).", view.statusLine().getText()),
                    () -> assertEquals(3, table.getItemCount()),
                    () -> assertEquals("UP", table.getItem(1).getText(1)),
                    () -> assertEquals("Flywheel", table.getItem(2).getText(1)),
                    () -> assertEquals(java.util.List.of("GET /health"), backend.requests()));
        }
    }

    @Test
    void the_toolbar_refresh_against_a_stopped_backend_shows_the_error_in_the_status_line() throws Exception {
        DatasetsView view = (DatasetsView) page.showView(DatasetsView.ID);
        pump();
        String url;
        try (FakeBackend stopped = FakeBackend.answering(200, "{}")) {
            url = stopped.url();
        }
        settings.setBackendUrl(url);

        refreshAction(view).run();
        waitForFlywheelJobs(view);

        String status = view.statusLine().getText();
        assertAll(
                () -> assertTrue(status.startsWith("Cannot reach the Flywheel backend at " + url), status),
                () -> assertTrue(status.contains("connection refused"), status),
                () -> assertEquals(1, view.table().getItemCount()),
                () -> assertEquals(url, view.table().getItem(0).getText(1)));
    }

    private static IAction refreshAction(DatasetsView view) {
        return Arrays.stream(view.getViewSite().getActionBars().getToolBarManager().getItems())
                .filter(ActionContributionItem.class::isInstance)
                .map(item -> ((ActionContributionItem) item).getAction())
                .filter(action -> "Refresh".equals(action.getText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the view's toolbar has a Refresh action"));
    }

    /** Waits for the view's job, then lets its asyncExec render (the UI thread is this test's thread). */
    private static void waitForFlywheelJobs(DatasetsView view) throws InterruptedException {
        Job.getJobManager().join(FlywheelJobs.FAMILY, null);
        pumpUntil(() -> !view.statusLine().getText().startsWith("Connecting"), 5_000);
    }

    private static void pump() {
        pumpUntil(() -> false, 300);
    }

    private static void pumpUntil(BooleanSupplier done, long timeoutMillis) {
        Display display = Display.getCurrent();
        long until = System.currentTimeMillis() + timeoutMillis;
        while (!done.getAsBoolean() && System.currentTimeMillis() < until) {
            if (!display.readAndDispatch()) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static Path screenshot(Shell shell, String name) throws Exception {
        shell.forceActive();
        shell.redraw();
        shell.update();
        pump();
        Point size = shell.getSize();
        Image image = new Image(shell.getDisplay(), size.x, size.y);
        GC gc = new GC(shell);
        try {
            gc.copyArea(image, 0, 0);
        } finally {
            gc.dispose();
        }
        Path dir = Path.of(System.getProperty("flywheel.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        Path png = dir.resolve(name);
        try {
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] {image.getImageData()};
            loader.save(png.toString(), SWT.IMAGE_PNG);
        } finally {
            image.dispose();
        }
        return png;
    }
}
