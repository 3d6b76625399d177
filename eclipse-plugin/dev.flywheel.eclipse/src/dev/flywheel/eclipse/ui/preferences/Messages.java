package dev.flywheel.eclipse.ui.preferences;

import org.eclipse.osgi.util.NLS;

/** User-facing strings of the preference page; the fields are filled by {@link NLS} from messages.properties. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "dev.flywheel.eclipse.ui.preferences.messages"; //$NON-NLS-1$

    public static String ConnectionsPage_description;
    public static String ConnectionsPage_columnName;
    public static String ConnectionsPage_columnUrl;
    public static String ConnectionsPage_columnUser;
    public static String ConnectionsPage_add;
    public static String ConnectionsPage_remove;
    public static String ConnectionsPage_name;
    public static String ConnectionsPage_url;
    public static String ConnectionsPage_user;
    public static String ConnectionsPage_password;
    public static String ConnectionsPage_labelStudioUrl;
    public static String ConnectionsPage_labelStudioUrlHint;
    public static String ConnectionsPage_test;
    public static String ConnectionsPage_newName;
    public static String ConnectionsPage_testing;
    public static String ConnectionsPage_connected;
    public static String ConnectionsPage_duplicateName;
    public static String ConnectionsPage_invalid;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {}
}
