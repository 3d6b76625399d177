package dev.flywheel.eclipse.ui.views;

import dev.flywheel.eclipse.core.client.FlywheelClient;
import dev.flywheel.eclipse.core.jobs.HealthCheckJob;
import dev.flywheel.eclipse.core.jobs.HealthOutcome;
import dev.flywheel.eclipse.core.settings.BackendSettings;
import java.util.List;
import java.util.function.Function;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;

/**
 * The Flywheel Datasets view: a status line that says whether and where a backend is connected, and a
 * table of what the backend reports; errors appear in the status line, never in a dialog.
 */
public final class DatasetsView extends ViewPart {

    /** The view's id in plugin.xml. */
    public static final String ID = "dev.flywheel.eclipse.views.datasets"; //$NON-NLS-1$

    private final BackendSettings settings = BackendSettings.ofWorkspace();
    private Label status;
    private TableViewer viewer;
    private Job running;

    @Override
    public void createPartControl(Composite parent) {
        GridLayoutFactory.fillDefaults().margins(4, 4).spacing(4, 4).applyTo(parent);
        status = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(status);

        viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        column(Messages.DatasetsView_columnItem, 160, DatasetRow::item);
        column(Messages.DatasetsView_columnValue, 320, DatasetRow::value);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.setInput(List.of());
        GridDataFactory.fillDefaults().grab(true, true).applyTo(viewer.getControl());

        getViewSite().getActionBars().getToolBarManager().add(new RefreshAction());

        if (settings.configuredBackendUrl().isPresent()) {
            refresh();
        } else {
            status.setText(NLS.bind(Messages.DatasetsView_noBackend, BackendSettings.DEFAULT_BACKEND_URL));
        }
    }

    private void column(String title, int width, Function<DatasetRow, String> text) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((DatasetRow) element);
            }
        });
    }

    /** Asks the configured backend (or the default one) for its health in a job; the outcome is rendered when it arrives. */
    void refresh() {
        if (running != null) {
            running.cancel();
        }
        FlywheelClient client;
        try {
            client = new FlywheelClient(settings.backendUrl());
        } catch (IllegalArgumentException e) {
            showStatus(e.getMessage(), List.of());
            return;
        }
        showStatus(NLS.bind(Messages.DatasetsView_checking, client.baseUrl()), List.of());
        Display display = status.getDisplay();
        running = new HealthCheckJob(client, outcome -> display.asyncExec(() -> render(outcome)));
        running.schedule();
    }

    private void render(HealthOutcome outcome) {
        if (status.isDisposed()) {
            return;
        }
        switch (outcome) {
            case HealthOutcome.Answered answered -> {
                String state = answered.health().status();
                String modelClass = answered.health().modelClass();
                showStatus(NLS.bind(answered.health().isUp() ? Messages.DatasetsView_connected : Messages.DatasetsView_notUp,
                        answered.backendUrl(), state),
                        List.of(new DatasetRow(Messages.DatasetsView_rowBackend, answered.backendUrl()),
                                new DatasetRow(Messages.DatasetsView_rowStatus, state),
                                new DatasetRow(Messages.DatasetsView_rowModelClass,
                                        modelClass == null ? Messages.DatasetsView_unknown : modelClass)));
            }
            case HealthOutcome.Failed failed -> showStatus(failed.message(),
                    List.of(new DatasetRow(Messages.DatasetsView_rowBackend, failed.backendUrl())));
        }
    }

    private void showStatus(String text, List<DatasetRow> rows) {
        status.setText(text);
        viewer.setInput(rows);
        status.getParent().layout(true, true);
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        if (running != null) {
            running.cancel();
        }
        super.dispose();
    }

    /** The status line, for tests in the fragment. */
    Label statusLine() {
        return status;
    }

    /** The table, for tests in the fragment. */
    Table table() {
        return viewer.getTable();
    }

    private final class RefreshAction extends Action {
        RefreshAction() {
            super(Messages.DatasetsView_refresh);
            setToolTipText(Messages.DatasetsView_refreshTooltip);
            setImageDescriptor(PlatformUI.getWorkbench().getSharedImages().getImageDescriptor(ISharedImages.IMG_ELCL_SYNCED));
        }

        @Override
        public void run() {
            refresh();
        }
    }
}
