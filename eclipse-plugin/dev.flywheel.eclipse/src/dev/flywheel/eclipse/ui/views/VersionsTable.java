package dev.flywheel.eclipse.ui.views;

import dev.flywheel.eclipse.core.display.Figures;
import dev.flywheel.eclipse.core.display.VersionRow;
import java.util.Locale;
import java.util.function.Function;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.jface.resource.JFaceResources;

/** The table of model versions, one column per figure, the active version in bold with a marker. */
final class VersionsTable {

    private VersionsTable() {}

    static TableViewer create(Composite parent) {
        TableViewer viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        column(viewer, "", 28, r -> r.active() ? "\u25CF" : ""); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
        column(viewer, Messages.Versions_version, 130, r -> r.model().version());
        column(viewer, Messages.Versions_status, 70, r -> r.model().progress() == null ? r.model().status().name().toLowerCase(Locale.ROOT)
                : NLS.bind(Messages.Versions_training, r.model().progress().epoch(), r.model().progress().epochs()));
        column(viewer, Messages.Versions_created, 150, r -> Figures.dateTime(r.model().createdAt()));
        column(viewer, Messages.Versions_trainedOn, 80, r -> Figures.count(r.model().trainedOn()));
        column(viewer, Messages.Versions_accuracy, 80, r -> r.model().metrics() == null ? Figures.NONE
                : Figures.percent(r.model().metrics().accuracy() != null ? r.model().metrics().accuracy() : r.model().metrics().map50()));
        column(viewer, Messages.Versions_macroF1, 80, r -> r.model().metrics() == null ? Figures.NONE
                : Figures.percent(r.model().metrics().macroF1()));
        column(viewer, Messages.Versions_duration, 80, r -> Figures.seconds(r.model().trainingSeconds()));
        column(viewer, Messages.Versions_acceptance, 140, r -> r.savings() == null ? Figures.NONE
                : Figures.percent(r.savings().acceptanceRate()));
        column(viewer, Messages.Versions_leadTime, 110, r -> r.savings() == null ? Figures.NONE
                : Figures.seconds(r.savings().medianLeadTimeS()));
        return viewer;
    }

    private static void column(TableViewer viewer, String title, int width, Function<VersionRow, String> text) {
        Columns.add(viewer, title, width, new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((VersionRow) element);
            }

            @Override
            public Font getFont(Object element) {
                return ((VersionRow) element).active() ? JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT) : null;
            }
        });
    }
}
