package dev.flywheel.eclipse.ui.views;

import dev.flywheel.eclipse.core.display.Figures;
import dev.flywheel.model.api.AnnotatorStats;
import dev.flywheel.model.api.ClassCount;
import dev.flywheel.model.api.ProjectStats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swtchart.Chart;

/** A project's statistics: headline figures, the class-distribution bar chart and the annotator table. */
final class StatsPanel {

    private final ScrolledComposite scroller;
    private final Composite root;
    private final Label header;
    private final Map<String, Label> figures = new LinkedHashMap<>();
    private final Chart classes;
    private final ViewTable<AnnotatorStats> annotators;

    StatsPanel(Composite parent) {
        // Scrolls rather than cuts: a narrow Datasets view still shows every value whole.
        scroller = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
        root = new Composite(scroller, SWT.NONE);
        scroller.setContent(root);
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(root);
        header = new Label(root, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(header);

        Composite grid = new Composite(root, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).spacing(12, 2).applyTo(grid);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(grid);
        for (String name : List.of(Messages.Stats_tasks, Messages.Stats_annotatedTasks, Messages.Stats_annotations,
                Messages.Stats_skipped, Messages.Stats_imbalance, Messages.Stats_issuesOpen, Messages.Stats_multiple,
                Messages.Stats_agreement)) {
            new Label(grid, SWT.NONE).setText(name);
            Label value = new Label(grid, SWT.NONE);
            GridDataFactory.fillDefaults().grab(true, false).applyTo(value);
            figures.put(name, value);
        }

        classes = Charts.create(root, Messages.Stats_classChart, Messages.Stats_classAxis, Messages.Stats_countAxis);
        GridDataFactory.fillDefaults().grab(true, true).hint(360, 220).applyTo(classes);

        annotators = new ViewTable<>(root, AnnotatorStats.class, SWT.BORDER | SWT.FULL_SELECTION);
        annotators.column(Messages.Stats_annotator, StatsPanel::annotator);
        annotators.column(Messages.Stats_annotations, a -> Long.toString(a.annotations()));
        annotators.column(Messages.Stats_leadTime, a -> Figures.seconds(a.medianLeadTimeS()));
        GridDataFactory.fillDefaults().grab(true, false).hint(300, 80).applyTo(annotators.viewer().getControl());
        header.setText(Messages.Stats_select);
        relayout();
    }

    /** The name or e-mail Label Studio sent for the annotator, else their user id ("Annotator #3"). */
    static String annotator(AnnotatorStats annotator) {
        return annotator(annotator.id(), annotator.name());
    }

    /** The name or e-mail Label Studio sent for user {@code id}, else the id ("Annotator #3"); the em dash for nobody. */
    static String annotator(Long id, String name) {
        if (name != null) {
            return name;
        }
        return id == null ? Figures.NONE : NLS.bind(Messages.Stats_annotatorById, id);
    }

    Composite control() {
        return root;
    }

    /** Shows {@code message} (loading, an error or a hint) instead of statistics. */
    void showMessage(String message) {
        header.setText(message);
        figures.values().forEach(label -> label.setText("")); //$NON-NLS-1$
        annotators.clear();
        Charts.clear(classes);
        classes.redraw();
        relayout();
    }

    void show(String title, ProjectStats stats) {
        header.setText(title);
        set(Messages.Stats_tasks, Long.toString(stats.tasks()));
        set(Messages.Stats_annotatedTasks, Long.toString(stats.annotatedTasks()));
        set(Messages.Stats_annotations, Long.toString(stats.annotations()));
        set(Messages.Stats_skipped, Long.toString(stats.skipped()));
        set(Messages.Stats_imbalance, Figures.imbalance(stats.imbalanceRatio()));
        set(Messages.Stats_issuesOpen, Long.toString(stats.issuesOpen()));
        set(Messages.Stats_multiple, stats.agreement() == null ? Figures.NONE
                : Long.toString(stats.agreement().tasksWithMultiple()));
        set(Messages.Stats_agreement, stats.agreement() == null ? Figures.NONE
                : Figures.percent(stats.agreement().meanPairwise()));
        Charts.bars(classes, "classes", stats.classes().stream().map(ClassCount::label).toArray(String[]::new), //$NON-NLS-1$
                stats.classes().stream().mapToDouble(ClassCount::count).toArray(), null);
        annotators.show(stats.annotators());
        relayout();
    }

    private void relayout() {
        root.layout(true, true);
        scroller.setMinSize(root.computeSize(SWT.DEFAULT, SWT.DEFAULT));
    }

    private void set(String name, String value) {
        figures.get(name).setText(value);
    }

    /** The figures by their label, for tests. */
    Map<String, String> figures() {
        Map<String, String> texts = new LinkedHashMap<>();
        figures.forEach((name, label) -> texts.put(name, label.getText()));
        return texts;
    }

    /** The labels of the figures' values, for tests that check none is cut. */
    java.util.Collection<Label> valueLabels() {
        return figures.values();
    }

    String header() {
        return header.getText();
    }

    Chart classChart() {
        return classes;
    }

    TableViewer annotatorTable() {
        return annotators.viewer();
    }
}
