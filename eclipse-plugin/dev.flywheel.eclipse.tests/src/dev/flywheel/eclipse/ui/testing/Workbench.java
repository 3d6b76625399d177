package dev.flywheel.eclipse.ui.testing;

import dev.flywheel.eclipse.core.jobs.FlywheelJobs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/** Helpers for tests that run on the workbench's UI thread: pump events, wait for Flywheel jobs, take screenshots. */
public final class Workbench {

    private Workbench() {}

    /** Lets pending UI work run for a moment. */
    public static void pump() {
        pumpUntil(() -> false, 300);
    }

    /** Pumps events until {@code done} or the timeout; returns whether {@code done} became true. */
    public static boolean pumpUntil(BooleanSupplier done, long timeoutMillis) {
        Display display = Display.getCurrent();
        long until = System.currentTimeMillis() + timeoutMillis;
        while (!done.getAsBoolean() && System.currentTimeMillis() < until) {
            if (!display.readAndDispatch()) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return done.getAsBoolean();
    }

    /** Waits until no Flywheel job is running or waiting, pumping events so their asyncExec renders run. */
    public static void waitForJobs() {
        pumpUntil(() -> Job.getJobManager().find(FlywheelJobs.FAMILY).length == 0, 10_000);
        pump();
    }

    /** Waits for {@code condition} while jobs and renders run, failing the test after 10 s. */
    public static void waitFor(String what, BooleanSupplier condition) {
        waitFor(what, condition, 10_000);
    }

    /** Waits for {@code condition} while jobs and renders run, failing the test after {@code timeoutMillis}. */
    public static void waitFor(String what, BooleanSupplier condition, long timeoutMillis) {
        if (!pumpUntil(condition, timeoutMillis)) {
            throw new AssertionError("timed out waiting for " + what);
        }
    }

    /**
     * How many pixels of the square at the left of {@code control} (a check box's indicator) are a saturated blue: GTK's
     * Adwaita fills a ticked box blue, an unticked one is white with a grey border.
     */
    public static int bluePixelsOfIndicator(org.eclipse.swt.widgets.Control control) {
        org.eclipse.swt.graphics.Point size = control.getSize();
        int edge = Math.min(size.x, size.y);
        Image image = new Image(control.getDisplay(), edge, edge);
        GC gc = new GC(control);
        try {
            gc.copyArea(image, 0, 0);
            ImageData data = image.getImageData();
            int blue = 0;
            for (int y = 0; y < edge; y++) {
                for (int x = 0; x < edge; x++) {
                    org.eclipse.swt.graphics.RGB rgb = data.palette.getRGB(data.getPixel(x, y));
                    blue += rgb.blue > 150 && rgb.blue - rgb.red > 80 && rgb.blue - rgb.green > 40 ? 1 : 0;
                }
            }
            return blue;
        } finally {
            gc.dispose();
            image.dispose();
        }
    }

    /** Saves a PNG of {@code shell} under target/screenshots and returns its path. */
    public static Path screenshot(Shell shell, String name) throws Exception {
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
