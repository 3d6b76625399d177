package dev.flywheel.eclipse.core.client;

import org.eclipse.osgi.util.NLS;

/** User-facing messages of the backend client; the fields are filled by {@link NLS} from messages.properties. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "dev.flywheel.eclipse.core.client.messages"; //$NON-NLS-1$

    public static String BackendClient_unreachable;
    public static String BackendClient_httpError;
    public static String BackendClient_httpErrorWithDetail;
    public static String BackendClient_unreadableReply;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {}
}
