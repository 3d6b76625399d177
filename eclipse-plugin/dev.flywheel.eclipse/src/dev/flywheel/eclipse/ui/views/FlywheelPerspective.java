package dev.flywheel.eclipse.ui.views;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/**
 * The Flywheel perspective: Datasets on the left, Model Versions on the right, Label Issues, the dataset browser and Drift
 * below the editor area where Compare Runs opens. The Flywheel IDE product starts in it.
 */
public final class FlywheelPerspective implements IPerspectiveFactory {

    /** The perspective's id in plugin.xml. */
    public static final String ID = "dev.flywheel.eclipse.perspective"; //$NON-NLS-1$

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editors = layout.getEditorArea();
        layout.addView(DatasetsView.ID, IPageLayout.LEFT, 0.36f, editors);
        layout.addView(ModelVersionsView.ID, IPageLayout.RIGHT, 0.55f, editors);
        IFolderLayout bottom = layout.createFolder("dev.flywheel.eclipse.perspective.bottom", IPageLayout.BOTTOM, 0.45f, editors); //$NON-NLS-1$
        bottom.addView(LabelIssuesView.ID);
        bottom.addView(DatasetBrowserView.ID);
        bottom.addView(DriftView.ID);
        for (String id : new String[] {DatasetsView.ID, ModelVersionsView.ID, LabelIssuesView.ID, DatasetBrowserView.ID, DriftView.ID}) {
            layout.addShowViewShortcut(id);
        }
    }
}
