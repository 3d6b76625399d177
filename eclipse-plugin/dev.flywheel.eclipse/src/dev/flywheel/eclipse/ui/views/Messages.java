package dev.flywheel.eclipse.ui.views;

import org.eclipse.osgi.util.NLS;

/** User-facing strings of the views; the fields are filled by {@link NLS} from messages.properties. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "dev.flywheel.eclipse.ui.views.messages"; //$NON-NLS-1$

    public static String DatasetsView_noBackend;
    public static String DatasetsView_checking;
    public static String DatasetsView_connected;
    public static String DatasetsView_notUp;
    public static String DatasetsView_refresh;
    public static String DatasetsView_refreshTooltip;
    public static String DatasetsView_columnItem;
    public static String DatasetsView_columnValue;
    public static String DatasetsView_rowBackend;
    public static String DatasetsView_rowStatus;
    public static String DatasetsView_rowModelClass;
    public static String DatasetsView_unknown;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {}
}
