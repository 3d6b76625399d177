package dev.flywheel.eclipse.ui.editors;

import dev.flywheel.eclipse.core.display.ProjectRef;
import java.util.Objects;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;

/**
 * What the Compare Runs editor compares: one project and two of its versions, the base and the candidate.
 *
 * @param project the project
 * @param base the version compared against (usually the older)
 * @param candidate the version under review
 */
public record CompareRunsInput(ProjectRef project, String base, String candidate) implements IEditorInput {

    /** Rejects an input without a project or versions. */
    public CompareRunsInput {
        Objects.requireNonNull(project, "project"); //$NON-NLS-1$
        Objects.requireNonNull(base, "base"); //$NON-NLS-1$
        Objects.requireNonNull(candidate, "candidate"); //$NON-NLS-1$
    }

    @Override
    public boolean exists() {
        return false;
    }

    @Override
    public ImageDescriptor getImageDescriptor() {
        return null;
    }

    @Override
    public String getName() {
        return NLS.bind(Messages.Compare_name, base, candidate);
    }

    @Override
    public IPersistableElement getPersistable() {
        return null;
    }

    @Override
    public String getToolTipText() {
        return NLS.bind(Messages.Compare_tooltip, new Object[] {base, candidate, project.title(), project.connection().name()});
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        return null;
    }
}
