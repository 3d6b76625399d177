package dev.flywheel.eclipse.ui.views;

import dev.flywheel.eclipse.core.display.Figures;
import dev.flywheel.eclipse.core.display.ProjectRef;
import dev.flywheel.model.api.MovedSample;
import java.util.List;
import java.util.Locale;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;

/**
 * The Drift view's "moved most" tab: the served images farthest from the training images, a row per image with the
 * feature that moved most, and a preview of the selected one.
 */
final class MovedSamplesPane {

    private final SashForm pane;
    private final Label noMoved;
    private final ViewTable<MovedSample> moved;
    private final ImagePreview preview;

    /**
     * @param selectionChanged runs when the selected row changes
     * @param opened runs on a double click (the view opens the task in Label Studio)
     */
    MovedSamplesPane(Composite parent, Runnable selectionChanged, Runnable opened) {
        pane = new SashForm(parent, SWT.HORIZONTAL);
        Composite list = new Composite(pane, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(list);
        // Shown only when the list is empty: the explanations sit in tooltips, so the rows keep the height.
        noMoved = new Label(list, SWT.WRAP);
        noMoved.setText(Messages.Drift_noMoved);
        GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).exclude(true).applyTo(noMoved);
        noMoved.setVisible(false);
        moved = new ViewTable<>(list, MovedSample.class);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(moved.viewer().getControl());
        moved.viewer().getTable().setToolTipText(Messages.Drift_movedTooltip);
        moved.column(Messages.Issues_rank, m -> Integer.toString(moved.rank(m)));
        moved.column(Messages.Issues_task, m -> m.taskId() == null ? Figures.NONE : Long.toString(m.taskId()));
        moved.column(Messages.Drift_distance, m -> Figures.decimal(m.distance())).getColumn().setToolTipText(Messages.Drift_distanceTooltip);
        moved.column(Messages.Drift_movedMost, MovedSamplesPane::movedMost).getColumn().setToolTipText(Messages.Drift_movedMostTooltip);
        moved.column(Messages.Drift_brightness, m -> Figures.decimal(m.features().get("brightness"))); //$NON-NLS-1$
        moved.column(Messages.Drift_contrast, m -> Figures.decimal(m.features().get("contrast"))); //$NON-NLS-1$
        moved.column(Messages.Drift_size, MovedSamplesPane::size);
        moved.column(Messages.Drift_servedAt, m -> Figures.dateTime(m.servedAt()));
        preview = new ImagePreview(pane);
        pane.setWeights(62, 38);
        moved.viewer().addSelectionChangedListener(e -> selectionChanged.run());
        moved.viewer().addDoubleClickListener(e -> opened.run());
    }

    Control control() {
        return pane;
    }

    void show(List<MovedSample> samples) {
        moved.show(samples);
        showNoMoved(samples.isEmpty());
        preview.clear();
    }

    void clear() {
        moved.clear();
        preview.clear();
        showNoMoved(false);
    }

    /** Previews the selected image of {@code project} unless it is already shown; answers the selected row, or null. */
    MovedSample previewSelected(ProjectRef project) {
        MovedSample sample = moved.selected();
        if (sample != null && sample.taskId() != null && sample.taskId() != preview.shownTask()) {
            preview.show(project, sample.taskId());
        }
        return sample;
    }

    ViewTable<MovedSample> table() {
        return moved;
    }

    ImagePreview preview() {
        return preview;
    }

    private void showNoMoved(boolean shown) {
        noMoved.setVisible(shown);
        ((org.eclipse.swt.layout.GridData) noMoved.getLayoutData()).exclude = !shown;
        noMoved.getParent().layout(true, true);
    }

    /** The feature that moved most and by how many training spreads ("brightness, +6.2 σ"). */
    static String movedMost(MovedSample sample) {
        if (sample.movedMost() == null) {
            return Figures.NONE;
        }
        Double deviation = sample.deviations().get(sample.movedMost());
        return deviation == null ? sample.movedMost()
                : NLS.bind(Messages.Drift_deviation, sample.movedMost(), String.format(Locale.ROOT, "%+.1f", deviation)); //$NON-NLS-1$
    }

    /** Width × height in pixels, or the em dash. */
    private static String size(MovedSample sample) {
        Double width = sample.features().get("width"); //$NON-NLS-1$
        Double height = sample.features().get("height"); //$NON-NLS-1$
        return width == null || height == null ? Figures.NONE
                : String.format(Locale.ROOT, "%d \u00D7 %d", Math.round(width), Math.round(height)); //$NON-NLS-1$
    }
}
