package dev.flywheel.eclipse.ui.views;

import dev.flywheel.eclipse.core.display.Figures;
import dev.flywheel.eclipse.core.display.ProjectRef;
import dev.flywheel.eclipse.core.jobs.Clients;
import dev.flywheel.eclipse.core.jobs.Outcome;
import dev.flywheel.model.api.AuditState;
import dev.flywheel.model.api.LabelIssue;
import dev.flywheel.model.api.LabelIssuesPage;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.Locale;
import java.util.function.Consumer;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;

/**
 * The Label Issues view: the likely label errors of the project selected in the Datasets view, most likely first,
 * with the given and the suggested label, a preview of the selected task's image, and Open in Label Studio.
 */
public final class LabelIssuesView extends ProjectFollowingView {

    /** The view's id in plugin.xml. */
    public static final String ID = "dev.flywheel.eclipse.views.issues"; //$NON-NLS-1$

    /** How many suspects are listed; the backend ranks them, so the first ones matter. */
    private static final int LIMIT = 500;

    private ImagePreview preview;
    private ViewTable<LabelIssue> issues;
    private TableViewerColumn boxColumn;
    private final OpenInLabelStudio openInLabelStudio = new OpenInLabelStudio(() -> project,
            () -> issues == null ? java.util.OptionalLong.empty() : issues.selectedTask(LabelIssue::taskId));

    @Override
    public void createPartControl(Composite parent) {
        status = ViewLayout.statusLine(parent);
        SashForm sash = ViewLayout.fill(new SashForm(parent, SWT.HORIZONTAL));
        issues = new ViewTable<>(sash, LabelIssue.class);
        table = issues.viewer();
        issues.column(Messages.Issues_rank, i -> Integer.toString(issues.rank(i)));
        issues.column(Messages.Issues_task, i -> Long.toString(i.taskId()));
        issues.column(Messages.Issues_given, i -> Figures.text(i.givenLabel()));
        issues.column(Messages.Issues_suggested, i -> Figures.text(i.suggestedLabel()));
        issues.column(Messages.Issues_selfConfidence, i -> Figures.percent(i.selfConfidence()));
        issues.column(Messages.Issues_score, i -> String.format(Locale.ROOT, "%.3f", i.score())); //$NON-NLS-1$
        issues.column(Messages.Stats_annotator, i -> StatsPanel.annotator(i.annotatorId(), i.annotator()));
        preview = new ImagePreview(sash);
        sash.setWeights(62, 38);
        table.addSelectionChangedListener(e -> selectionChanged());
        table.addDoubleClickListener(e -> openInLabelStudio.run());
        getSite().setSelectionProvider(table);
        var toolbar = getViewSite().getActionBars().getToolBarManager();
        toolbar.add(Actions.of(Messages.Versions_refresh, this::refresh));
        toolbar.add(openInLabelStudio);
        followProjects(Messages.Issues_selectProject);
    }

    /** The issue column, only while a detection or multi-label project is shown: a single-choice label issue has no kind. */
    private void showBoxColumn(boolean shown) {
        if (shown == (boxColumn != null)) {
            return;
        }
        if (!shown) {
            boxColumn.getColumn().dispose();
            boxColumn = null;
            return;
        }
        // Box issues say what is wrong with which box, tag issues of multi-label projects whether the tag is missing or spurious.
        boxColumn = issues.column(Messages.Issues_kind, i -> i.kind() == null ? "" : i.box() == null ? i.kind() //$NON-NLS-1$
                : NLS.bind(Messages.Issues_box, new Object[] {i.kind(),
                Math.round(i.box().x()), Math.round(i.box().y()), Math.round(i.box().width()), Math.round(i.box().height())}));
    }

    @Override
    protected void showProject(ProjectNode node) {
        project = node.ref();
        issues.clear();
        preview.clear();
        refresh();
    }

    @Override
    protected void refresh() {
        load(Messages.Issues_loading, Messages.Issues_loadingJob, 0,
                ref -> Clients.of(ref.connection()).labelIssues(ref.id(), LIMIT, null), this::render);
    }

    private void render(ProjectRef ref, Outcome<LabelIssuesPage> outcome) {
        switch (outcome) {
            case Outcome.Done<LabelIssuesPage> done -> {
                // The issue column where the issues say what is wrong (a box's or a tag's kind), whatever the project's task.
                showBoxColumn(done.value().issues().stream().anyMatch(issue -> issue.kind() != null));
                issues.show(done.value().issues());
                status.setText(headline(ref, done.value()));
            }
            case Outcome.Failed<LabelIssuesPage> failed -> status.setText(failed.message());
        }
        status.getParent().layout(true, true);
        selectionChanged();
    }

    /** How many suspects and from which audit, and whether the list may still change (the audit is still to run). */
    private static String headline(ProjectRef ref, LabelIssuesPage page) {
        String version = Figures.text(page.modelVersion());
        String text = page.issues().isEmpty() ? NLS.bind(Messages.Issues_none, ref.title(), version)
                : NLS.bind(Messages.Issues_header, new Object[] {page.issues().size(), ref.title(), version});
        if (page.coverage() != null) {
            text += ' ' + NLS.bind(Messages.Issues_coverage, new Object[] {Figures.count(page.coverage().outOfSample()),
                    Figures.count(page.coverage().labeled()), Figures.percent(page.estimatedNoiseRate())});
        }
        AuditState audit = page.audit();
        if (audit != null && audit.provisional()) {
            return text + ' ' + NLS.bind(Messages.Issues_provisional, Figures.text(audit.version()));
        }
        if (audit != null && AuditState.OFF.equals(audit.status())) {
            return text + ' ' + Messages.Issues_auditOff;
        }
        return text;
    }

    private void selectionChanged() {
        LabelIssue issue = issues.selected();
        openInLabelStudio.update();
        if (issue != null && issue.taskId() != preview.shownTask()) {
            preview.show(project, issue.taskId());
        }
    }

    /** Opens {@code url} with the workbench's browser support (the user's external browser by default). */
    public static void openInBrowser(String url) {
        try {
            PlatformUI.getWorkbench().getBrowserSupport().getExternalBrowser().openURL(URI.create(url).toURL());
        } catch (PartInitException | MalformedURLException | IllegalArgumentException e) {
            throw new IllegalStateException(NLS.bind(Messages.Issues_cannotOpen, url, e.getMessage()), e);
        }
    }

    /** For tests in the fragment. */
    ImagePreview preview() {
        return preview;
    }

    Action openAction() {
        return openInLabelStudio;
    }

    void testBrowser(Consumer<String> opener) {
        openInLabelStudio.testBrowser(opener);
    }
}
