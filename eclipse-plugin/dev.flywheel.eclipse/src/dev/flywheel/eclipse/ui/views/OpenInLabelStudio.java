package dev.flywheel.eclipse.ui.views;

import dev.flywheel.eclipse.core.display.ProjectRef;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.jface.action.Action;

/**
 * Open in Label Studio for the task a view has selected: Label Studio's data manager of the project with that task
 * open ({@code <LS>/projects/<id>/data?task=<task>}), in the workbench's external browser; disabled, with a tooltip that
 * says where to set the URL, while the backend's connection has no Label Studio URL.
 */
final class OpenInLabelStudio extends Action {

    private final Supplier<ProjectRef> project;
    private final Supplier<OptionalLong> task;
    private Consumer<String> browser = LabelIssuesView::openInBrowser;

    OpenInLabelStudio(Supplier<ProjectRef> project, Supplier<OptionalLong> task) {
        super(Messages.Issues_open);
        this.project = project;
        this.task = task;
        update();
    }

    /** Enables the action for the current selection; call when the selection or the project changes. */
    void update() {
        ProjectRef ref = project.get();
        setEnabled(ref != null && ref.connection().hasLabelStudio() && task.get().isPresent());
        setToolTipText(ref != null && !ref.connection().hasLabelStudio() ? Messages.Issues_noLabelStudio : Messages.Issues_openTooltip);
    }

    @Override
    public void run() {
        ProjectRef ref = project.get();
        OptionalLong selected = task.get();
        if (ref != null && selected.isPresent() && ref.connection().hasLabelStudio()) {
            browser.accept(ref.connection().labelStudioTaskUrl(ref.id(), selected.getAsLong()));
        }
    }

    /** Replaces the browser, for tests. */
    void testBrowser(Consumer<String> opener) {
        this.browser = opener;
    }
}
