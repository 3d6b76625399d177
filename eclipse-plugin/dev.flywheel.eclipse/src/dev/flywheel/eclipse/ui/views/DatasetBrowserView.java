package dev.flywheel.eclipse.ui.views;

import dev.flywheel.eclipse.core.client.TaskQuery;
import dev.flywheel.eclipse.core.display.Figures;
import dev.flywheel.eclipse.core.display.ProjectRef;
import dev.flywheel.eclipse.core.display.TaskPages;
import dev.flywheel.eclipse.core.jobs.Clients;
import dev.flywheel.eclipse.core.jobs.Outcome;
import dev.flywheel.model.api.TaskSummary;
import dev.flywheel.model.api.TasksPage;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ILazyContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/**
 * The dataset browser: the tasks of the project selected in the Datasets view in a virtual table that loads
 * {@code /tasks} page by page as rows come into view, filtered by label and "has issue", optionally ordered by
 * uncertainty, with a preview of the selected task's image.
 */
public final class DatasetBrowserView extends ProjectFollowingView {

    /** The view's id in plugin.xml. */
    public static final String ID = "dev.flywheel.eclipse.views.browser"; //$NON-NLS-1$

    private Combo labelFilter;
    private Button issuesOnly;
    private Button uncertainFirst;
    private ImagePreview preview;
    private List<String> labels = List.of();
    private TaskPages pages;
    private int pageSize = TaskQuery.DEFAULT_LIMIT;
    private final List<Function<TaskSummary, String>> texts = new java.util.ArrayList<>();
    private final OpenInLabelStudio openInLabelStudio = new OpenInLabelStudio(() -> project, () -> {
        Object selected = table == null ? null : ((IStructuredSelection) table.getSelection()).getFirstElement();
        return selected instanceof TaskSummary task ? java.util.OptionalLong.of(task.id()) : java.util.OptionalLong.empty();
    });

    @Override
    public void createPartControl(Composite parent) {
        status = ViewLayout.statusLine(parent);
        createFilters(parent);
        SashForm sash = ViewLayout.fill(new SashForm(parent, SWT.HORIZONTAL));
        table = new TableViewer(sash, SWT.VIRTUAL | SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        table.getTable().setHeaderVisible(true);
        table.getTable().setLinesVisible(true);
        table.setUseHashlookup(true);
        table.setContentProvider(new PagedContent());
        column(Messages.Browser_task, 70, t -> Long.toString(t.id()));
        column(Messages.Browser_label, 110, t -> t.labels().isEmpty() ? Figures.NONE : String.join(", ", t.labels())); //$NON-NLS-1$
        column(Messages.Browser_prediction, 110, t -> t.prediction() == null || t.prediction().labels().isEmpty() ? Figures.NONE
                : String.join(", ", t.prediction().labels())); //$NON-NLS-1$
        column(Messages.Browser_score, 70, t -> t.prediction() == null || t.prediction().score() == null ? Figures.NONE
                : String.format(Locale.ROOT, "%.3f", t.prediction().score())); //$NON-NLS-1$
        column(Messages.Browser_issue, 160, t -> t.issue() == null ? "" //$NON-NLS-1$
                : NLS.bind(Messages.Browser_issueText, Figures.text(t.issue().suggestedLabel())));
        preview = new ImagePreview(sash);
        sash.setWeights(62, 38);
        table.addSelectionChangedListener(e -> {
            TaskSummary task = (TaskSummary) ((IStructuredSelection) e.getSelection()).getFirstElement();
            if (task != null && task.id() != preview.shownTask()) {
                preview.show(project, task.id());
            }
            openInLabelStudio.update();
        });
        table.addDoubleClickListener(e -> openInLabelStudio.run());
        getSite().setSelectionProvider(table);
        var toolbar = getViewSite().getActionBars().getToolBarManager();
        toolbar.add(Actions.of(Messages.Versions_refresh, this::refresh));
        toolbar.add(openInLabelStudio);
        followProjects(Messages.Browser_selectProject);
    }

    private void createFilters(Composite parent) {
        Composite filters = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(4).applyTo(filters);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(filters);
        new Label(filters, SWT.NONE).setText(Messages.Browser_labelFilter);
        labelFilter = new Combo(filters, SWT.READ_ONLY);
        labelFilter.setItems(Messages.Browser_allLabels);
        labelFilter.select(0);
        GridDataFactory.swtDefaults().hint(140, SWT.DEFAULT).applyTo(labelFilter);
        labelFilter.addListener(SWT.Selection, e -> refresh());
        issuesOnly = new Button(filters, SWT.CHECK);
        issuesOnly.setText(Messages.Browser_issuesOnly);
        issuesOnly.addListener(SWT.Selection, e -> refresh());
        uncertainFirst = new Button(filters, SWT.CHECK);
        uncertainFirst.setText(Messages.Browser_uncertainFirst);
        uncertainFirst.addListener(SWT.Selection, e -> refresh());
        CheckBoxes.keepUnthemed(filters, issuesOnly, uncertainFirst);
    }


    private void column(String title, int width, Function<TaskSummary, String> text) {
        texts.add(text);
        Columns.add(table, title, width, Columns.texts(TaskSummary.class, text));
    }

    @Override
    protected void showProject(ProjectNode node) {
        showProject(node.ref(), node.summary().labels());
    }

    /** Shows the tasks of {@code ref}, whose label config has {@code projectLabels}. */
    void showProject(ProjectRef ref, List<String> projectLabels) {
        project = ref;
        labels = List.copyOf(projectLabels);
        String[] items = new String[labels.size() + 1];
        items[0] = Messages.Browser_allLabels;
        for (int i = 0; i < labels.size(); i++) {
            items[i + 1] = labels.get(i);
        }
        labelFilter.setItems(items);
        labelFilter.select(0);
        refresh();
    }

    /**
     * Shows task {@code task} of {@code ref} (from the Compare Runs editor): its picture in the preview, and its row
     * selected when it is among the loaded rows.
     */
    public void reveal(ProjectRef ref, long task) {
        if (!ref.equals(project)) {
            showProject(ref, List.of());
        }
        preview.show(ref, task);
        for (int i = 0; pages != null && i < pages.size(); i++) {
            TaskSummary row = pages.get(i);
            if (row != null && row.id() == task) {
                table.setSelection(new org.eclipse.jface.viewers.StructuredSelection(row), true);
                return;
            }
        }
    }

    /** The query the filters describe, from its first page. */
    private TaskQuery query() {
        int selectedLabel = labelFilter.getSelectionIndex();
        return new TaskQuery(selectedLabel > 0 ? labels.get(selectedLabel - 1) : null, issuesOnly.getSelection(),
                uncertainFirst.getSelection(), pageSize, null);
    }

    /** Drops the loaded pages and loads the first page of the current filters. */
    @Override
    protected void refresh() {
        if (project == null) {
            return;
        }
        if (loading != null) {
            loading.cancel();
            loading = null;
        }
        pages = new TaskPages(query());
        table.setInput(pages);
        table.setItemCount(0);
        preview.clear();
        openInLabelStudio.update();
        status.setText(NLS.bind(Messages.Browser_loading, project.title()));
        loadNextPage();
    }

    private void loadNextPage() {
        TaskQuery next = pages.next();
        if (next == null || loading != null) {
            return;
        }
        TaskPages target = pages;
        load(null, Messages.Browser_loadingJob, 0, ref -> Clients.of(ref.connection()).tasks(ref.id(), next),
                (ref, outcome) -> render(ref, target, outcome));
    }

    private void render(ProjectRef ref, TaskPages target, Outcome<TasksPage> outcome) {
        if (target != pages) {
            return;
        }
        loading = null;
        switch (outcome) {
            case Outcome.Done<TasksPage> done -> {
                target.append(done.value());
                table.setItemCount(target.size());
                List<String[]> rows = new java.util.ArrayList<>();
                for (int i = 0; i < target.size(); i++) {
                    TaskSummary task = target.get(i);
                    rows.add(texts.stream().map(t -> t.apply(task)).toArray(String[]::new));
                }
                Columns.fit(table.getTable(), rows);
                status.setText(NLS.bind(target.next() == null ? Messages.Browser_header : Messages.Browser_headerMore,
                        target.size(), ref.title()));
            }
            case Outcome.Failed<TasksPage> failed -> status.setText(failed.message());
        }
        status.getParent().layout(true, true);
    }

    /** Hands the table the rows it shows; reaching the last loaded row loads the next page. */
    private final class PagedContent implements ILazyContentProvider {

        @Override
        public void updateElement(int index) {
            if (pages == null) {
                return;
            }
            TaskSummary task = pages.get(index);
            if (task != null) {
                table.replace(task, index);
            }
            if (index >= pages.size() - 1) {
                loadNextPage();
            }
        }

        @Override
        public void inputChanged(Viewer viewer, Object oldInput, Object newInput) {
            // the rows come from the pages field, which refresh() replaces together with the input
        }
    }

    /** For tests in the fragment. */
    ImagePreview preview() {
        return preview;
    }

    OpenInLabelStudio openAction() {
        return openInLabelStudio;
    }

    Combo labelFilter() {
        return labelFilter;
    }

    Button issuesOnly() {
        return issuesOnly;
    }

    Button uncertainFirst() {
        return uncertainFirst;
    }

    void testPageSize(int size) {
        this.pageSize = size;
    }
}
