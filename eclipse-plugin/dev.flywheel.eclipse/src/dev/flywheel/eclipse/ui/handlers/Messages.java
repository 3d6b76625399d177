package dev.flywheel.eclipse.ui.handlers;

import org.eclipse.osgi.util.NLS;

/** User-facing strings of the handlers; the fields are filled by {@link NLS} from messages.properties. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "dev.flywheel.eclipse.ui.handlers.messages"; //$NON-NLS-1$

    public static String Prelabel_title;
    public static String Prelabel_confirm;
    public static String Prelabel_done;
    public static String Prelabel_failed;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {}
}
