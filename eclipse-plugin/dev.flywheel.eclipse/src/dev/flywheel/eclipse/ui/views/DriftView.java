package dev.flywheel.eclipse.ui.views;

import dev.flywheel.eclipse.core.display.Figures;
import dev.flywheel.eclipse.core.display.ProjectRef;
import dev.flywheel.eclipse.core.jobs.CallJob;
import dev.flywheel.eclipse.core.jobs.Clients;
import dev.flywheel.eclipse.core.jobs.Outcome;
import dev.flywheel.model.api.DriftReport;
import dev.flywheel.model.api.FeatureDrift;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swtchart.Chart;
import org.eclipse.ui.IWorkbenchPart;

/**
 * The Drift view: whether the images the active version served lately differ from those it was trained on, for the
 * project selected in the Datasets view: the verdict with its p-value and window, each test (the image features' KS
 * tests and the embeddings' MMD test) with how far the feature's median moved, and a chart of the features' statistics.
 */
public final class DriftView extends ProjectFollowingView {

    /** The view's id in plugin.xml. */
    public static final String ID = "dev.flywheel.eclipse.views.drift"; //$NON-NLS-1$

    private Chart chart;
    private ProjectRef project;

    @Override
    public void createPartControl(Composite parent) {
        GridLayoutFactory.fillDefaults().margins(4, 4).spacing(4, 4).applyTo(parent);
        status = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(status);
        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        table = new TableViewer(sash, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        table.getTable().setHeaderVisible(true);
        table.getTable().setLinesVisible(true);
        table.setContentProvider(ArrayContentProvider.getInstance());
        column(Messages.Drift_feature, f -> f.feature());
        column(Messages.Drift_test, f -> "embedding".equals(f.feature()) ? Messages.Drift_mmd : Messages.Drift_ks); //$NON-NLS-1$
        column(Messages.Drift_statistic, f -> Figures.decimal(f.statistic()));
        column(Messages.Drift_pValue, f -> Figures.decimal(f.pValue()));
        column(Messages.Drift_referenceMedian, f -> Figures.decimal(f.referenceMedian()));
        column(Messages.Drift_currentMedian, f -> Figures.decimal(f.currentMedian()));
        column(Messages.Drift_change, f -> f.referenceMedian() == null || f.currentMedian() == null ? Figures.NONE
                : change(f.referenceMedian(), f.currentMedian()));
        column(Messages.Drift_moved, f -> f.drifted() ? Messages.Drift_yes : Messages.Drift_no);
        chart = Charts.create(sash, Messages.Drift_chart, Messages.Drift_chartX, Messages.Drift_chartY);
        sash.setWeights(60, 40);
        getViewSite().getActionBars().getToolBarManager().add(new Action(Messages.Versions_refresh) {
            @Override
            public void run() {
                refresh();
            }
        });
        followProjects();
        status.setText(Messages.Drift_selectProject);
        projectSelected(null, getSite().getPage().getSelection(DatasetsView.ID));
    }

    /** The median's move, absolute and relative to where it was ("-0.150 (-30.0 %)"). */
    static String change(double reference, double current) {
        double delta = current - reference;
        String absolute = String.format(java.util.Locale.ROOT, "%+.3f", delta); //$NON-NLS-1$
        return reference == 0 ? absolute : absolute + " (" + String.format(java.util.Locale.ROOT, "%+.1f %%", 100 * delta / Math.abs(reference)) + ")"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
    }

    private void column(String title, Function<FeatureDrift, String> text) {
        TableViewerColumn column = new TableViewerColumn(table, SWT.LEFT);
        column.getColumn().setText(title);
        column.getColumn().setWidth(90);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((FeatureDrift) element);
            }
        });
    }

    @Override
    protected void projectSelected(IWorkbenchPart part, ISelection selection) {
        if (selection instanceof IStructuredSelection structured && structured.getFirstElement() instanceof ProjectNode node
                && !node.ref().equals(project)) {
            project = node.ref();
            table.setInput(List.of());
            refresh();
        }
    }

    void refresh() {
        if (project == null) {
            return;
        }
        if (loading != null) {
            loading.cancel();
        }
        ProjectRef ref = project;
        status.setText(NLS.bind(Messages.Drift_loading, ref.title()));
        Display display = status.getDisplay();
        loading = new CallJob<DriftReport>(NLS.bind(Messages.Drift_loadingJob, ref.title()),
                progress -> Clients.of(ref.connection()).drift(ref.id()),
                outcome -> display.asyncExec(() -> render(ref, outcome)));
        loading.schedule();
    }

    private void render(ProjectRef ref, Outcome<DriftReport> outcome) {
        if (status.isDisposed() || !ref.equals(project)) {
            return;
        }
        switch (outcome) {
            case Outcome.Done<DriftReport> done -> show(ref, done.value());
            case Outcome.Failed<DriftReport> failed -> {
                table.setInput(List.of());
                Charts.clear(chart);
                chart.redraw();
                status.setText(failed.message());
            }
        }
        status.getParent().layout(true, true);
    }

    private void show(ProjectRef ref, DriftReport report) {
        List<FeatureDrift> rows = new ArrayList<>(report.perFeature());
        if (report.embedding() != null) {
            rows.add(report.embedding());
        }
        table.setInput(rows);
        Columns.pack(table.getTable());
        var window = report.window();
        status.setText(NLS.bind(report.drifted() ? Messages.Drift_drifted : Messages.Drift_notDrifted, new Object[] {ref.title(),
                Figures.decimal(report.pValue()), window == null ? Figures.NONE : window.samples(), Figures.text(report.referenceVersion()),
                window == null ? Figures.NONE : Figures.dateTime(window.from()), window == null ? Figures.NONE : Figures.dateTime(window.to())}));
        Charts.labelledBars(chart, "ks", report.perFeature().stream().map(FeatureDrift::feature).toArray(String[]::new), //$NON-NLS-1$
                report.perFeature().stream().mapToDouble(f -> f.statistic() == null ? 0 : f.statistic()).toArray(), "0.000"); //$NON-NLS-1$
    }

    @Override
    protected ProjectRef shownProject() {
        return project;
    }

    @Override
    protected void projectChanged() {
        refresh();
    }

    /** For tests in the fragment. */
    Chart chart() {
        return chart;
    }
}
