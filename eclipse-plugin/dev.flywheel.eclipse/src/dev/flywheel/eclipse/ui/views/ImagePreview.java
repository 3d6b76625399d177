package dev.flywheel.eclipse.ui.views;

import dev.flywheel.eclipse.core.display.ProjectRef;
import dev.flywheel.eclipse.core.jobs.CallJob;
import dev.flywheel.eclipse.core.jobs.Clients;
import dev.flywheel.eclipse.core.jobs.Outcome;
import java.io.ByteArrayInputStream;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;

/**
 * A task's image, fetched through the backend ({@code /tasks/{task}/image}) in a job and shown scaled to fit a
 * square; the last request wins, and the image is disposed with the widget.
 */
final class ImagePreview {

    private static final int EDGE = 256;

    private final Composite root;
    private final Label caption;
    private final Label picture;
    private Image image;
    private Job loading;
    private long shownTask = -1;

    ImagePreview(Composite parent) {
        root = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(root);
        caption = new Label(root, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(EDGE, SWT.DEFAULT).applyTo(caption);
        caption.setText(Messages.Preview_select);
        picture = new Label(root, SWT.CENTER);
        GridDataFactory.fillDefaults().grab(true, true).hint(EDGE, EDGE).applyTo(picture);
        root.addDisposeListener(e -> {
            disposeImage();
            if (loading != null) {
                loading.cancel();
            }
        });
    }

    Composite control() {
        return root;
    }

    /** Fetches and shows the image of {@code task} in {@code project}. */
    void show(ProjectRef project, long task) {
        if (loading != null) {
            loading.cancel();
        }
        caption.setText(NLS.bind(Messages.Preview_loading, task));
        Display display = root.getDisplay();
        loading = new CallJob<>(NLS.bind(Messages.Preview_job, task), progress -> Clients.of(project.connection()).taskImage(project.id(), task),
                outcome -> display.asyncExec(() -> render(task, outcome)));
        loading.schedule();
    }

    /** Empties the preview. */
    void clear() {
        if (loading != null) {
            loading.cancel();
        }
        disposeImage();
        picture.setImage(null);
        shownTask = -1;
        caption.setText(Messages.Preview_select);
    }

    private void render(long task, Outcome<byte[]> outcome) {
        if (root.isDisposed()) {
            return;
        }
        switch (outcome) {
            case Outcome.Done<byte[]> done -> {
                try {
                    ImageData data = new ImageData(new ByteArrayInputStream(done.value()));
                    double scale = Math.min((double) EDGE / data.width, (double) EDGE / data.height);
                    ImageData scaled = data.scaledTo(Math.max(1, (int) (data.width * scale)), Math.max(1, (int) (data.height * scale)));
                    disposeImage();
                    image = new Image(root.getDisplay(), scaled);
                    picture.setImage(image);
                    shownTask = task;
                    caption.setText(NLS.bind(Messages.Preview_caption, new Object[] {task, data.width, data.height}));
                } catch (SWTException e) {
                    caption.setText(NLS.bind(Messages.Preview_unreadable, task, e.getMessage()));
                }
            }
            case Outcome.Failed<byte[]> failed -> caption.setText(failed.message());
        }
        root.layout(true, true);
    }

    private void disposeImage() {
        if (image != null) {
            image.dispose();
            image = null;
        }
    }

    /** For tests: the task whose image is shown, or -1. */
    long shownTask() {
        return shownTask;
    }

    /** For tests: the image shown, or {@code null}. */
    Image image() {
        return image;
    }

    String caption() {
        return caption.getText();
    }
}
