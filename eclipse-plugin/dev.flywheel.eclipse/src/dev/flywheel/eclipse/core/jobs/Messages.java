package dev.flywheel.eclipse.core.jobs;

import org.eclipse.osgi.util.NLS;

/** User-facing names of the Flywheel jobs; the fields are filled by {@link NLS} from messages.properties. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "dev.flywheel.eclipse.core.jobs.messages"; //$NON-NLS-1$

    public static String HealthCheckJob_name;
    public static String ChangeWatcher_name;
    public static String TrainingJob_name;
    public static String TrainingJob_queued;
    public static String TrainingJob_starting;
    public static String TrainingJob_epoch;
    public static String TrainingJob_ready;
    public static String TrainingJob_failed;
    public static String TrainingJob_gone;
    public static String PrelabelJob_name;
    public static String PrelabelJob_progress;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {}
}
