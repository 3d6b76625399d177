package dev.flywheel.eclipse.ui.editors;

import dev.flywheel.eclipse.core.display.Deltas;
import dev.flywheel.eclipse.core.display.Figures;
import dev.flywheel.eclipse.core.display.PerClassChange;
import dev.flywheel.eclipse.core.jobs.CallJob;
import dev.flywheel.eclipse.core.jobs.Clients;
import dev.flywheel.eclipse.core.jobs.Outcome;
import dev.flywheel.eclipse.core.display.ProjectRef;
import dev.flywheel.eclipse.ui.views.Charts;
import dev.flywheel.eclipse.ui.views.Columns;
import dev.flywheel.eclipse.ui.views.DatasetBrowserView;
import dev.flywheel.eclipse.ui.views.LabelIssuesView;
import dev.flywheel.model.api.CompareReply;
import dev.flywheel.model.api.EvaluationSet;
import dev.flywheel.model.api.MetricDelta;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swtchart.Chart;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.EditorPart;

/**
 * The Compare Runs editor: two versions of a project side by side, metric deltas coloured better or
 * worse, per-class F1 changes (AP@0.5 for detectors), both confusion matrices (classifiers only), the tasks fixed and
 * broken, and the training-data diff.
 */
public final class CompareRunsEditor extends EditorPart {

    /** The editor's id in plugin.xml. */
    public static final String ID = "dev.flywheel.eclipse.editors.compare"; //$NON-NLS-1$

    private ScrolledComposite scroller;
    private Composite body;
    private Label header;
    private Table metrics;
    private Chart f1Chart;
    private Job loading;
    private Label evaluation;
    private TaskThumbnails fixed;
    private TaskThumbnails broken;
    /** Opens a URL in the browser; replaced in tests. */
    private Consumer<String> browser = LabelIssuesView::openInBrowser;

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        if (!(input instanceof CompareRunsInput)) {
            throw new PartInitException("Not a comparison of runs: " + input); //$NON-NLS-1$
        }
        setSite(site);
        setInput(input);
        setPartName(input.getName());
        setTitleToolTip(input.getToolTipText());
    }

    private CompareRunsInput compared() {
        return (CompareRunsInput) getEditorInput();
    }

    @Override
    public void createPartControl(Composite parent) {
        scroller = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
        body = new Composite(scroller, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(8, 8).numColumns(2).equalWidth(true).applyTo(body);
        scroller.setContent(body);
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        header = new Label(body, SWT.WRAP);
        span(header);
        CompareRunsInput input = compared();
        header.setText(NLS.bind(Messages.Compare_loading, new Object[] {input.base(), input.candidate(), input.project().title()}));
        load();
    }

    private void load() {
        CompareRunsInput input = compared();
        var display = body.getDisplay();
        loading = new CallJob<CompareReply>(getPartName(), progress -> Clients.of(input.project().connection())
                .compare(input.project().id(), input.base(), input.candidate()), outcome -> display.asyncExec(() -> render(outcome)));
        loading.schedule();
    }

    private void render(Outcome<CompareReply> outcome) {
        if (body.isDisposed()) {
            return;
        }
        switch (outcome) {
            case Outcome.Done<CompareReply> done -> show(done.value());
            case Outcome.Failed<CompareReply> failed -> header.setText(failed.message());
        }
        scroller.setMinSize(body.computeSize(SWT.DEFAULT, SWT.DEFAULT));
        body.layout(true, true);
    }

    private void show(CompareReply reply) {
        header.setText(NLS.bind(Messages.Compare_header, new Object[] {reply.base(), reply.candidate(), compared().project().title()}));
        EvaluationSet set = reply.evaluation();
        // Each version's own figures (Model Versions) come from its own hold-out; say what this comparison scored on.
        evaluation = label(set == null ? Messages.Compare_evaluationUnknown : NLS.bind(Messages.Compare_evaluation,
                new Object[] {set.tasks(), reply.base(), set.baseHoldout(), reply.candidate(), set.candidateHoldout()}));
        span(evaluation);
        metrics = metricsTable(reply.metrics());
        GridDataFactory.swtDefaults().span(2, 1).applyTo(metrics);
        // Detectors have no per-class F1: their comparison charts the change of AP@0.5 per label instead.
        PerClassChange change = PerClassChange.of(reply);
        f1Chart = change.averagePrecision()
                ? Charts.create(body, Messages.Compare_apChart, Messages.Compare_label, Messages.Compare_apDelta)
                : Charts.create(body, Messages.Compare_f1Chart, Messages.Compare_label, Messages.Compare_f1Delta);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).hint(400, 220).applyTo(f1Chart);
        Charts.labelledBars(f1Chart, change.averagePrecision() ? "ap50" : "f1", change.labels(), change.deltas(), "+0.000;-0.000"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
        confusion(reply.base(), reply.confusionBase());
        confusion(reply.candidate(), reply.confusionCandidate());
        if (reply.changed() != null) {
            fixed = thumbnails(NLS.bind(Messages.Compare_fixed, reply.changed().fixed().size()), reply.changed().fixed());
            broken = thumbnails(NLS.bind(Messages.Compare_broken, reply.changed().broken().size()), reply.changed().broken());
        }
        if (reply.dataDiff() != null) {
            span(label(NLS.bind(Messages.Compare_dataDiff, new Object[] {reply.dataDiff().added(), reply.dataDiff().removed(),
                    reply.dataDiff().relabeled()})));
        }
    }

    private TaskThumbnails thumbnails(String caption, List<Long> tasks) {
        TaskThumbnails row = new TaskThumbnails(body, compared().project(), caption, tasks, this::open);
        span(row.control());
        return row;
    }

    /** Opens a fixed or broken task where the user asked: the Dataset Browser, or Label Studio in the browser. */
    private void open(TaskThumbnails.Open where, long task) {
        ProjectRef project = compared().project();
        try {
            if (where == TaskThumbnails.Open.BROWSER) {
                ((DatasetBrowserView) getSite().getPage().showView(DatasetBrowserView.ID)).reveal(project, task);
            } else if (project.connection().hasLabelStudio()) {
                browser.accept(project.connection().labelStudioTaskUrl(project.id(), task));
            } else {
                evaluation.setText(Messages.Compare_noLabelStudio);
            }
        } catch (PartInitException | IllegalStateException e) {
            evaluation.setText(e.getMessage());
        }
    }

    private Table metricsTable(List<MetricDelta> deltas) {
        Table table = new Table(body, SWT.BORDER | SWT.FULL_SELECTION);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        for (String title : new String[] {Messages.Compare_metric, Messages.Compare_base, Messages.Compare_candidate,
                Messages.Compare_delta}) {
            TableColumn column = new TableColumn(table, SWT.LEFT);
            column.setText(title);
            column.setWidth(120);
        }
        // Ratios as the versions table shows them (per cent), changes in percentage points.
        for (MetricDelta delta : deltas) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] {delta.name(), Figures.percent(delta.base()), Figures.percent(delta.candidate()),
                    Figures.points(delta.delta())});
            Deltas.Direction direction = Deltas.direction(delta.name(), delta.delta());
            if (direction != Deltas.Direction.SAME) {
                item.setForeground(3, body.getDisplay().getSystemColor(
                        direction == Deltas.Direction.BETTER ? SWT.COLOR_DARK_GREEN : SWT.COLOR_RED));
            }
        }
        Columns.pack(table);
        return table;
    }

    private void confusion(String version, dev.flywheel.model.api.Confusion matrix) {
        Composite cell = new Composite(body, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(cell);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(cell);
        new Label(cell, SWT.WRAP).setText(NLS.bind(Messages.Compare_confusion, version));
        if (matrix != null) {
            // its own width, not the cell's: a stretched last column reads as one more class
            Table table = ConfusionTable.create(cell, matrix);
            Columns.pack(table);
            GridDataFactory.swtDefaults().applyTo(table);
        }
    }

    private Label label(String text) {
        Label label = new Label(body, SWT.WRAP);
        label.setText(text);
        return label;
    }

    private static void span(Control control) {
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).hint(300, SWT.DEFAULT).applyTo(control);
    }

    @Override
    public void setFocus() {
        body.setFocus();
    }

    @Override
    public void dispose() {
        if (loading != null) {
            loading.cancel();
        }
        super.dispose();
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
        // a comparison is read-only
    }

    @Override
    public void doSaveAs() {
        // a comparison is read-only
    }

    @Override
    public boolean isDirty() {
        return false;
    }

    @Override
    public boolean isSaveAsAllowed() {
        return false;
    }

    /** For tests in the fragment. */
    Label header() {
        return header;
    }

    Table metrics() {
        return metrics;
    }

    Chart f1Chart() {
        return f1Chart;
    }

    Composite body() {
        return body;
    }

    Label evaluation() {
        return evaluation;
    }

    TaskThumbnails fixedTasks() {
        return fixed;
    }

    TaskThumbnails brokenTasks() {
        return broken;
    }

    void testBrowser(Consumer<String> opener) {
        this.browser = opener;
    }
}
