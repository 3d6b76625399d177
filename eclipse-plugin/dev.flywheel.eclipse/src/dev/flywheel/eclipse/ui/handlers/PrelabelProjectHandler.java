package dev.flywheel.eclipse.ui.handlers;

import dev.flywheel.eclipse.core.display.ProjectRef;
import dev.flywheel.eclipse.core.jobs.Clients;
import dev.flywheel.eclipse.core.jobs.Outcome;
import dev.flywheel.eclipse.core.jobs.PrelabelProjectJob;
import dev.flywheel.eclipse.ui.views.ProjectNode;
import dev.flywheel.model.api.PrelabelJobState;
import dev.flywheel.model.api.PrelabelJobStatus;
import java.util.Locale;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;

/** "Pre-label project…" on a project of the datasets tree: asks, then runs a {@link PrelabelProjectJob} and shows its summary. */
public final class PrelabelProjectHandler extends AbstractHandler {

    private static final long POLL_MILLIS = 1_000;

    @Override
    public Object execute(ExecutionEvent event) {
        if (!(HandlerUtil.getCurrentStructuredSelection(event).getFirstElement() instanceof ProjectNode node)) {
            return null;
        }
        ProjectRef ref = node.ref();
        Shell shell = HandlerUtil.getActiveShell(event);
        if (!MessageDialog.openConfirm(shell, Messages.Prelabel_title, NLS.bind(Messages.Prelabel_confirm, ref.title()))) {
            return null;
        }
        Display display = shell == null ? Display.getDefault() : shell.getDisplay();
        new PrelabelProjectJob(Clients.of(ref.connection()), ref.id(), ref.title(), POLL_MILLIS,
                outcome -> display.asyncExec(() -> summarise(display, ref, outcome))).schedule();
        return null;
    }

    private static void summarise(Display display, ProjectRef ref, Outcome<PrelabelJobStatus> outcome) {
        Shell shell = display.getActiveShell();
        switch (outcome) {
            case Outcome.Done<PrelabelJobStatus> done -> {
                PrelabelJobStatus s = done.value();
                String text = NLS.bind(Messages.Prelabel_done, new Object[] {ref.title(), s.status().name().toLowerCase(Locale.ROOT),
                        s.done(), s.skipped(), s.failed(), s.version(), s.error() == null ? "" : s.error()}); //$NON-NLS-1$
                if (s.status() == PrelabelJobState.FAILED) {
                    MessageDialog.openError(shell, Messages.Prelabel_title, text);
                } else {
                    MessageDialog.openInformation(shell, Messages.Prelabel_title, text);
                }
            }
            case Outcome.Failed<PrelabelJobStatus> failed ->
                    MessageDialog.openError(shell, Messages.Prelabel_title, NLS.bind(Messages.Prelabel_failed, ref.title(), failed.message()));
        }
    }
}
