package dev.flywheel.eclipse.ui.editors;

import dev.flywheel.eclipse.core.client.BackendException;
import dev.flywheel.eclipse.core.client.FlywheelClient;
import dev.flywheel.eclipse.core.display.ProjectRef;
import dev.flywheel.eclipse.core.jobs.CallJob;
import dev.flywheel.eclipse.core.jobs.Clients;
import dev.flywheel.eclipse.core.jobs.Outcome;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/**
 * A row of small pictures of tasks (the ones a candidate fixed or broke), fetched through the backend in a job: a click
 * shows the task in the Dataset Browser, a double click opens it in Label Studio. The images are disposed with the row.
 */
final class TaskThumbnails {

    /** What a click on a thumbnail asks for. */
    enum Open { BROWSER, LABEL_STUDIO }

    private static final int EDGE = 64;
    private static final int MOST = 24;

    private final Composite root;
    private final Composite pictures;
    private final List<Image> images = new ArrayList<>();
    private final Map<Long, Label> byTask = new LinkedHashMap<>();

    TaskThumbnails(Composite parent, ProjectRef project, String caption, List<Long> tasks, BiConsumer<Open, Long> open) {
        root = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(root);
        Label title = new Label(root, SWT.WRAP);
        title.setText(caption);
        GridDataFactory.fillDefaults().grab(true, false).hint(300, SWT.DEFAULT).applyTo(title);
        pictures = new Composite(root, SWT.NONE);
        RowLayout row = new RowLayout(SWT.HORIZONTAL);
        row.wrap = true;
        pictures.setLayout(row);
        GridDataFactory.fillDefaults().grab(true, false).hint(300, SWT.DEFAULT).applyTo(pictures);
        for (Long task : tasks.subList(0, Math.min(MOST, tasks.size()))) {
            Label picture = new Label(pictures, SWT.BORDER | SWT.CENTER);
            picture.setText("#" + task); //$NON-NLS-1$
            picture.setToolTipText(NLS.bind(Messages.Compare_thumbnailTip, task));
            picture.addListener(SWT.MouseUp, e -> open.accept(Open.BROWSER, task));
            picture.addListener(SWT.MouseDoubleClick, e -> open.accept(Open.LABEL_STUDIO, task));
            byTask.put(task, picture);
        }
        root.addDisposeListener(e -> images.forEach(Image::dispose));
        if (!byTask.isEmpty()) {
            load(project);
        }
    }

    Composite control() {
        return root;
    }

    /** The tasks shown, in order, for tests. */
    List<Long> tasks() {
        return List.copyOf(byTask.keySet());
    }

    /** The pictures' parent, for tests. */
    Composite pictures() {
        return pictures;
    }

    /** How many of the pictures arrived, for tests. */
    int loaded() {
        return images.size();
    }

    private void load(ProjectRef project) {
        List<Long> tasks = List.copyOf(byTask.keySet());
        var display = root.getDisplay();
        new CallJob<Map<Long, byte[]>>(NLS.bind(Messages.Compare_thumbnailJob, tasks.size()), progress -> {
            progress.setWorkRemaining(tasks.size());
            FlywheelClient client = Clients.of(project.connection());
            Map<Long, byte[]> bytes = new LinkedHashMap<>();
            for (Long task : tasks) {
                if (progress.isCanceled()) {
                    break;
                }
                try {
                    bytes.put(task, client.taskImage(project.id(), task));
                } catch (BackendException e) {
                    // that task keeps its number instead of a picture
                }
                progress.worked(1);
            }
            return bytes;
        }, outcome -> display.asyncExec(() -> show(outcome))).schedule();
    }

    private void show(Outcome<Map<Long, byte[]>> outcome) {
        if (root.isDisposed() || !(outcome instanceof Outcome.Done<Map<Long, byte[]>> done)) {
            return;
        }
        done.value().forEach((task, bytes) -> {
            try {
                ImageData data = new ImageData(new ByteArrayInputStream(bytes));
                double scale = (double) EDGE / Math.max(data.width, data.height);
                Image image = new Image(root.getDisplay(), data.scaledTo(Math.max(1, (int) (data.width * scale)),
                        Math.max(1, (int) (data.height * scale))));
                images.add(image);
                byTask.get(task).setImage(image);
            } catch (SWTException e) {
                // not an image SWT reads: the number stays
            }
        });
        root.getParent().layout(true, true);
    }
}
