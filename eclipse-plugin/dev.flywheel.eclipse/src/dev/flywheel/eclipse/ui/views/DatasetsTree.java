package dev.flywheel.eclipse.ui.views;

import dev.flywheel.eclipse.core.display.Figures;
import java.util.List;
import java.util.function.Function;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;

/** The tree of backends and their projects, with one column per project figure. */
final class DatasetsTree {

    private DatasetsTree() {}

    static TreeViewer create(Composite parent) {
        TreeViewer viewer = new TreeViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTree().setHeaderVisible(true);
        viewer.getTree().setLinesVisible(true);
        viewer.setContentProvider(new Content());
        column(viewer, Messages.DatasetsView_columnName, 230, DatasetsTree::name);
        projectColumn(viewer, Messages.DatasetsView_columnTaskType, 130, p -> p.summary().taskType().name().toLowerCase(java.util.Locale.ROOT));
        projectColumn(viewer, Messages.DatasetsView_columnTasks, 60, p -> Long.toString(p.summary().tasks()));
        projectColumn(viewer, Messages.DatasetsView_columnAnnotations, 90, p -> Long.toString(p.summary().annotations()));
        projectColumn(viewer, Messages.DatasetsView_columnActive, 120, p -> Figures.text(p.summary().activeModelVersion()));
        projectColumn(viewer, Messages.DatasetsView_columnDrift, 70, p -> p.drifted() == null ? Figures.NONE
                : p.drifted() ? Messages.DatasetsView_drifted : Messages.DatasetsView_noDrift);
        viewer.setAutoExpandLevel(2);
        return viewer;
    }

    private static String name(Object element) {
        if (element instanceof BackendNode backend) {
            String label = backend.connection().name() + " (" + backend.connection().url() + ")"; //$NON-NLS-1$ //$NON-NLS-2$
            return backend.note() == null ? label : label + " \u2014 " + backend.note(); //$NON-NLS-1$
        }
        return ((ProjectNode) element).ref().title();
    }

    private static void projectColumn(TreeViewer viewer, String title, int width, Function<ProjectNode, String> text) {
        column(viewer, title, width, (Object e) -> e instanceof ProjectNode p ? text.apply(p) : ""); //$NON-NLS-1$
    }

    private static void column(TreeViewer viewer, String title, int width, Function<Object, String> text) {
        Columns.add(viewer, title, width, Columns.texts(Object.class, text));
    }

    private static final class Content implements ITreeContentProvider {
        @Override
        public Object[] getElements(Object input) {
            return ((List<?>) input).toArray();
        }

        @Override
        public Object[] getChildren(Object parent) {
            return parent instanceof BackendNode backend ? backend.projects().toArray() : new Object[0];
        }

        @Override
        public Object getParent(Object element) {
            return null;
        }

        @Override
        public boolean hasChildren(Object element) {
            return element instanceof BackendNode backend && !backend.projects().isEmpty();
        }
    }
}
