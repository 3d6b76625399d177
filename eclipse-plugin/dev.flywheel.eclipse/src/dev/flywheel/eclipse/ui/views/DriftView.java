package dev.flywheel.eclipse.ui.views;

import dev.flywheel.eclipse.core.display.Figures;
import dev.flywheel.eclipse.core.display.ProjectRef;
import dev.flywheel.eclipse.core.jobs.Clients;
import dev.flywheel.eclipse.core.jobs.Outcome;
import dev.flywheel.model.api.DriftPoint;
import dev.flywheel.model.api.DriftReport;
import dev.flywheel.model.api.FeatureDrift;
import dev.flywheel.model.api.MovedSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.eclipse.jface.action.Action;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swtchart.Chart;
import org.eclipse.ui.PartInitException;

/**
 * The Drift view: whether the images the active version served lately differ from those it was trained on, for the
 * project selected in the Datasets view. Three tabs: the tests (each image feature's KS test and the embeddings' MMD
 * test, with how far the feature's median moved, and a chart of the features' statistics), the same test over time
 * (per consecutive window of the served images), and the images that moved most (a click previews one, a double
 * click opens it in Label Studio, Show in Dataset Browser selects it there).
 */
public final class DriftView extends ProjectFollowingView {

    /** The view's id in plugin.xml. */
    public static final String ID = "dev.flywheel.eclipse.views.drift"; //$NON-NLS-1$

    /** The backend's family-wise significance level: a window below it drifted. */
    static final double ALPHA = 0.05;

    private CTabFolder tabs;
    private ViewTable<FeatureDrift> tests;
    private Chart chart;
    private Chart history;
    private MovedSamplesPane moved;
    private final OpenInLabelStudio openInLabelStudio = new OpenInLabelStudio(() -> project,
            () -> moved == null ? java.util.OptionalLong.empty() : moved.table().selectedTask(MovedSample::taskId));
    private final Action showInBrowser = Actions.of(Messages.Drift_showInBrowser, this::revealSelected);
    /** Shows a task in the Dataset Browser; replaced in tests. */
    private Consumer<Long> datasetBrowser = this::openInDatasetBrowser;

    @Override
    public void createPartControl(Composite parent) {
        status = ViewLayout.statusLine(parent);
        tabs = ViewLayout.fill(new CTabFolder(parent, SWT.BORDER | SWT.TOP));

        SashForm testsTab = new SashForm(tabs, SWT.HORIZONTAL);
        tests = new ViewTable<>(testsTab, FeatureDrift.class);
        table = tests.viewer();
        tests.column(Messages.Drift_feature, FeatureDrift::feature);
        tests.column(Messages.Drift_test, f -> "embedding".equals(f.feature()) ? Messages.Drift_mmd : Messages.Drift_ks); //$NON-NLS-1$
        tests.column(Messages.Drift_statistic, f -> Figures.decimal(f.statistic()));
        tests.column(Messages.Drift_pValue, f -> Figures.decimal(f.pValue()));
        tests.column(Messages.Drift_referenceMedian, f -> Figures.decimal(f.referenceMedian()));
        tests.column(Messages.Drift_currentMedian, f -> Figures.decimal(f.currentMedian()));
        tests.column(Messages.Drift_change, f -> f.referenceMedian() == null || f.currentMedian() == null ? Figures.NONE
                : change(f.referenceMedian(), f.currentMedian()));
        tests.column(Messages.Drift_moved, f -> f.drifted() ? Messages.Drift_yes : Messages.Drift_no);
        chart = Charts.create(testsTab, Messages.Drift_chart, Messages.Drift_chartX, Messages.Drift_chartY);
        testsTab.setWeights(60, 40);
        tab(Messages.Drift_testsTab, testsTab);

        // The chart alone, its title the summary: on a small screen every pixel of height goes to the plot.
        history = Charts.createHistory(tabs, Messages.Drift_historyChart, Messages.Drift_historyX, Messages.Drift_historyP,
                Messages.Drift_historyStatistic);
        tab(Messages.Drift_historyTab, history);

        moved = new MovedSamplesPane(tabs, this::movedSelectionChanged, openInLabelStudio::run);
        tab(Messages.Drift_movedTab, moved.control());
        tabs.setSelection(0);

        var toolbar = getViewSite().getActionBars().getToolBarManager();
        toolbar.add(Actions.of(Messages.Versions_refresh, this::refresh));
        toolbar.add(showInBrowser);
        toolbar.add(openInLabelStudio);
        showInBrowser.setToolTipText(Messages.Drift_showInBrowserTooltip);
        showInBrowser.setEnabled(false);
        followProjects(Messages.Drift_selectProject);
    }

    private void tab(String title, Control content) {
        CTabItem item = new CTabItem(tabs, SWT.NONE);
        item.setText(title);
        item.setControl(content);
    }

    /** The median's move, absolute and relative to where it was ("-0.150 (-30.0 %)"). */
    static String change(double reference, double current) {
        double delta = current - reference;
        String absolute = String.format(Locale.ROOT, "%+.3f", delta); //$NON-NLS-1$
        return reference == 0 ? absolute : absolute + " (" + String.format(Locale.ROOT, "%+.1f %%", 100 * delta / Math.abs(reference)) + ")"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
    }

    @Override
    protected void showProject(ProjectNode node) {
        project = node.ref();
        clear();
        refresh();
    }

    @Override
    protected void refresh() {
        load(Messages.Drift_loading, Messages.Drift_loadingJob, 0, ref -> Clients.of(ref.connection()).drift(ref.id()), this::render);
    }

    private void render(ProjectRef ref, Outcome<DriftReport> outcome) {
        switch (outcome) {
            case Outcome.Done<DriftReport> done -> show(ref, done.value());
            case Outcome.Failed<DriftReport> failed -> {
                clear();
                status.setText(failed.message());
            }
        }
        status.getParent().layout(true, true);
        movedSelectionChanged();
    }

    private void clear() {
        tests.clear();
        moved.clear();
        Charts.clear(chart);
        chart.redraw();
        Charts.clear(history);
        history.getTitle().setText(Messages.Drift_historyChart);
        history.setToolTipText(null);
        history.redraw();
    }

    private void show(ProjectRef ref, DriftReport report) {
        List<FeatureDrift> rows = new ArrayList<>(report.perFeature());
        if (report.embedding() != null) {
            rows.add(report.embedding());
        }
        tests.show(rows);
        var window = report.window();
        status.setText(NLS.bind(report.drifted() ? Messages.Drift_drifted : Messages.Drift_notDrifted, new Object[] {ref.title(),
                Figures.decimal(report.pValue()), window == null ? Figures.NONE : window.samples(), Figures.text(report.referenceVersion()),
                window == null ? Figures.NONE : Figures.dateTime(window.from()), window == null ? Figures.NONE : Figures.dateTime(window.to())}));
        Charts.labelledBars(chart, "ks", report.perFeature().stream().map(FeatureDrift::feature).toArray(String[]::new), //$NON-NLS-1$
                report.perFeature().stream().mapToDouble(f -> f.statistic() == null ? 0 : f.statistic()).toArray(), "0.000"); //$NON-NLS-1$
        showHistory(report.history());
        moved.show(report.moved());
    }

    private void showHistory(List<DriftPoint> points) {
        if (points.isEmpty()) {
            // an older backend, or too few images for a window
            Charts.clear(history);
            history.getTitle().setText(Messages.Drift_noHistory);
            history.redraw();
            return;
        }
        long drifted = points.stream().filter(DriftPoint::drifted).count();
        history.getTitle().setText(NLS.bind(Messages.Drift_historyCaption, points.size(), drifted));
        history.setToolTipText(NLS.bind(Messages.Drift_historyTooltip, new Object[] {points.size(), points.getFirst().samples(),
                Figures.decimal(ALPHA)}));
        Charts.history(history, Figures.timeLabels(points.stream().map(DriftPoint::to).toList()).toArray(String[]::new),
                points.stream().mapToDouble(p -> p.pValue() == null ? 1 : p.pValue()).toArray(),
                points.stream().mapToDouble(p -> p.statistic() == null ? 0 : p.statistic()).toArray(), ALPHA,
                new String[] {Messages.Drift_historyP, NLS.bind(Messages.Drift_historyLevel, Figures.decimal(ALPHA)),
                        Messages.Drift_historyStatistic});
    }

    private void movedSelectionChanged() {
        openInLabelStudio.update();
        MovedSample sample = moved.previewSelected(project);
        showInBrowser.setEnabled(sample != null && sample.taskId() != null && project != null);
    }

    private void revealSelected() {
        moved.table().selectedTask(MovedSample::taskId).ifPresent(task -> datasetBrowser.accept(task));
    }

    private void openInDatasetBrowser(long task) {
        try {
            ((DatasetBrowserView) getSite().getPage().showView(DatasetBrowserView.ID)).reveal(project, task);
        } catch (PartInitException e) {
            status.setText(e.getMessage());
        }
    }

    /** For tests in the fragment. */
    Chart chart() {
        return chart;
    }

    Chart historyChart() {
        return history;
    }

    String historyCaption() {
        return history.getTitle().getText();
    }

    ViewTable<MovedSample> movedTable() {
        return moved.table();
    }

    ImagePreview preview() {
        return moved.preview();
    }

    CTabFolder tabs() {
        return tabs;
    }

    OpenInLabelStudio openAction() {
        return openInLabelStudio;
    }

    Action showInBrowserAction() {
        return showInBrowser;
    }

    void testBrowsers(Consumer<String> labelStudio, Consumer<Long> browser) {
        openInLabelStudio.testBrowser(labelStudio);
        this.datasetBrowser = browser;
    }
}
