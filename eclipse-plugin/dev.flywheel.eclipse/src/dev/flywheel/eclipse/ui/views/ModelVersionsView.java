package dev.flywheel.eclipse.ui.views;

import dev.flywheel.eclipse.core.client.BackendException;
import dev.flywheel.eclipse.core.client.FlywheelClient;
import dev.flywheel.eclipse.core.display.ProjectRef;
import dev.flywheel.eclipse.core.display.VersionRow;
import dev.flywheel.eclipse.core.jobs.CallJob;
import dev.flywheel.eclipse.core.jobs.ChangeWatcher;
import dev.flywheel.eclipse.core.jobs.Clients;
import dev.flywheel.eclipse.core.jobs.Outcome;
import dev.flywheel.eclipse.core.jobs.TrainingJob;
import dev.flywheel.eclipse.core.settings.BackendSettings;
import dev.flywheel.eclipse.ui.editors.CompareRunsEditor;
import dev.flywheel.eclipse.ui.editors.CompareRunsInput;
import dev.flywheel.model.api.FlywheelReply;
import dev.flywheel.model.api.LearningCurve;
import dev.flywheel.model.api.LearningCurvePoint;
import dev.flywheel.model.api.TrainReply;
import java.util.List;
import java.util.function.BiPredicate;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swtchart.Chart;
import org.eclipse.ui.PartInitException;

/**
 * The Model Versions view: the versions of the project selected in the Datasets view with their quality
 * and what their pre-labels saved, the learning curve, and Train now, Activate and Compare; it keeps
 * asking while a run is queued or training.
 */
public final class ModelVersionsView extends ProjectFollowingView {

    /** The view's id in plugin.xml. */
    public static final String ID = "dev.flywheel.eclipse.views.versions"; //$NON-NLS-1$

    /** The backend's error key for Train now when no annotation changed since the active version. */
    private static final String NOTHING_TO_TRAIN = "nothing_to_train"; //$NON-NLS-1$

    private Chart curve;
    private TrainingJob trainingJob;
    private long pollMillis = BackendSettings.POLL_MILLIS;
    /** Asks the user to confirm (title, question); replaced in tests. */
    private BiPredicate<String, String> confirm = (title, question) -> MessageDialog.openConfirm(getSite().getShell(), title,
            question);
    private final Action train = Actions.of(Messages.Versions_train, this::train);
    private final Action activate = Actions.of(Messages.Versions_activate, this::activate);
    private final Action compare = Actions.of(Messages.Versions_compare, this::compare);

    @Override
    public void createPartControl(Composite parent) {
        status = ViewLayout.statusLine(parent);
        SashForm sash = ViewLayout.fill(new SashForm(parent, SWT.VERTICAL));
        table = VersionsTable.create(sash);
        curve = Charts.create(sash, Messages.Versions_curveTitle, Messages.Versions_curveX, Messages.Versions_curveY);
        sash.setWeights(55, 45);
        table.addSelectionChangedListener(e -> updateActions());
        getSite().setSelectionProvider(table);
        var toolbar = getViewSite().getActionBars().getToolBarManager();
        toolbar.add(Actions.of(Messages.Versions_refresh, this::refresh));
        toolbar.add(train);
        toolbar.add(activate);
        toolbar.add(compare);
        followProjects(Messages.Versions_selectProject);
        updateActions();
    }

    @Override
    protected void showProject(ProjectNode node) {
        project = node.ref();
        table.setInput(List.of());
        status.setText(NLS.bind(Messages.Versions_loading, project.title()));
        refresh();
    }

    @Override
    protected void refresh() {
        refreshAfter(0);
    }

    private void refreshAfter(long delay) {
        load(null, Messages.Versions_loadingJob, delay, ModelVersionsView::versions, this::render);
    }

    private static VersionsData versions(ProjectRef ref) throws BackendException {
        FlywheelClient client = Clients.of(ref.connection());
        var models = client.models(ref.id());
        FlywheelReply flywheel = null;
        LearningCurve learning = null;
        try {
            flywheel = client.flywheel(ref.id());
            learning = client.learningCurve(ref.id());
        } catch (BackendException e) {
            // an older backend or a project without pre-labels: the versions are still worth showing
        }
        return new VersionsData(VersionRow.of(models, flywheel), learning);
    }

    private void render(ProjectRef ref, Outcome<VersionsData> outcome) {
        switch (outcome) {
            case Outcome.Done<VersionsData> done -> {
                table.setInput(done.value().rows());
                Columns.pack(table.getTable());
                boolean running = done.value().rows().stream().anyMatch(VersionRow::inProgress);
                status.setText(NLS.bind(running ? Messages.Versions_headerPolling : Messages.Versions_header, ref.title(),
                        ref.connection().name()));
                showCurve(done.value().curve());
                if (running) {
                    refreshAfter(pollMillis);
                }
            }
            case Outcome.Failed<VersionsData> failed -> status.setText(failed.message());
        }
        status.getParent().layout(true, true);
        updateActions();
    }

    private void showCurve(LearningCurve learning) {
        if (learning == null || learning.points().isEmpty()) {
            Charts.clear(curve);
            curve.redraw();
            return;
        }
        List<LearningCurvePoint> points = learning.points();
        double[] x = points.stream().mapToDouble(LearningCurvePoint::trainedOn).toArray();
        // A detector's points carry mAP@0.5 where a classifier's carry accuracy; in per cent, as the table shows them.
        double[] accuracy = points.stream().mapToDouble(p -> p.quality() == null ? 0 : 100 * p.quality()).toArray();
        double[] f1 = points.stream().mapToDouble(p -> p.macroF1() == null ? 0 : 100 * p.macroF1()).toArray();
        Charts.lines(curve, x, new String[] {Messages.Versions_accuracy, Messages.Versions_macroF1},
                new double[][] {accuracy, f1});
    }

    private List<VersionRow> selectedRows() {
        return ((IStructuredSelection) table.getSelection()).toList().stream().map(VersionRow.class::cast).toList();
    }

    private void updateActions() {
        List<VersionRow> rows = selectedRows();
        train.setEnabled(project != null);
        activate.setEnabled(rows.size() == 1 && rows.get(0).activatable());
        compare.setEnabled(rows.size() == 2);
    }

    private void train() {
        ProjectRef ref = project;
        Display display = status.getDisplay();
        new CallJob<>(NLS.bind(Messages.Versions_trainJob, ref.title()), progress -> train(ref),
                outcome -> display.asyncExec(() -> {
                    afterCommand(outcome, o -> NLS.bind(Messages.Versions_queued, o.version()));
                    ChangeWatcher watcher = getSite().getService(ChangeWatcher.class);
                    if (outcome instanceof Outcome.Done<TrainReply> done && watcher != null && !status.isDisposed()) {
                        // the run in the Progress view from the start, even one that ends before the next poll
                        trainingJob = watcher.followRun(ref.connection(), ref.id(), ref.title(), done.value().version());
                    }
                })).schedule();
    }

    /** Queues a run; the backend's refusal when nothing changed reads as its own sentence, not as an HTTP error. */
    private static TrainReply train(ProjectRef ref) throws BackendException {
        try {
            return Clients.of(ref.connection()).train(ref.id());
        } catch (BackendException e) {
            var refusal = e.apiError().filter(error -> NOTHING_TO_TRAIN.equals(error.error()));
            if (refusal.isPresent()) {
                throw new IllegalStateException(refusal.get().detail(), e);
            }
            throw e;
        }
    }

    private void activate() {
        List<VersionRow> rows = selectedRows();
        if (rows.size() != 1) {
            return;
        }
        String version = rows.get(0).model().version();
        ProjectRef ref = project;
        if (!confirm.test(Messages.Versions_activateTitle, NLS.bind(Messages.Versions_activateQuestion, version, ref.title()))) {
            return;
        }
        Display display = status.getDisplay();
        new CallJob<>(NLS.bind(Messages.Versions_activateJob, version), progress -> Clients.of(ref.connection()).activate(ref.id(),
                version), outcome -> display.asyncExec(() -> afterCommand(outcome, o -> NLS.bind(Messages.Versions_activated,
                        version)))).schedule();
    }

    private <T> void afterCommand(Outcome<T> outcome, java.util.function.Function<T, String> success) {
        if (status.isDisposed()) {
            return;
        }
        switch (outcome) {
            case Outcome.Done<T> done -> {
                status.setText(success.apply(done.value()));
                refresh();
                ChangeWatcher watcher = getSite().getService(ChangeWatcher.class);
                if (watcher != null) {
                    watcher.pollSoon(); // the other views follow the new version now, not at the next poll
                }
            }
            case Outcome.Failed<T> failed -> status.setText(failed.message());
        }
    }

    /** Opens the Compare Runs editor on the two selected versions, the older as base. */
    private void compare() {
        List<VersionRow> rows = selectedRows();
        if (rows.size() != 2) {
            return;
        }
        // the table lists newest first and the selection keeps table order, so the second row is the older one
        List<VersionRow> ordered = rows;
        try {
            getSite().getPage().openEditor(new CompareRunsInput(project, ordered.get(1).model().version(),
                    ordered.get(0).model().version()), CompareRunsEditor.ID);
        } catch (PartInitException e) {
            status.setText(e.getMessage());
        }
    }

    /** For tests in the fragment. */
    Chart curve() {
        return curve;
    }

    void testHooks(long poll, BiPredicate<String, String> confirmer) {
        this.pollMillis = poll;
        this.confirm = confirmer;
    }

    /** The job following the run Train now queued last, or null. */
    TrainingJob trainingJob() {
        return trainingJob;
    }

    Action trainAction() {
        return train;
    }

    Action activateAction() {
        return activate;
    }

    Action compareAction() {
        return compare;
    }
}
