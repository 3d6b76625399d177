package dev.flywheel.backend.training;

import java.io.IOException;
import java.util.Locale;

/** Words a failed run's record with what the user can act on, naming a full disk as such. */
final class RunFailure {

    /** Said instead of a library's text, which can name files, classes or native calls. */
    static final String INTERNAL = "an internal error stopped the run; the operator finds it in the log under this run's version";

    private RunFailure() {}

    /**
     * The message stored on the failed run, which the insights API shows: the failure's own sentence when Flywheel's code
     * wrote it, {@link #INTERNAL} when a library did, led by "disk full" when that was the cause.
     */
    static String describe(RuntimeException e) {
        if (diskFull(e)) {
            return "no space left on the disk holding FLYWHEEL_HOME; the active version is unchanged. Free space and train again";
        }
        return ours(e) && e.getMessage() != null ? e.getMessage() : INTERNAL;
    }

    /** Whether the exception was thrown by Flywheel's own code, whose messages are written for people. */
    static boolean ours(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().startsWith("dev.flywheel.");
    }

    /** Whether any cause is an I/O error saying the device or the user's quota is full (ENOSPC, EDQUOT). */
    static boolean diskFull(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException && cause.getMessage() != null) {
                String text = cause.getMessage().toLowerCase(Locale.ROOT);
                if (text.contains("no space left on device") || text.contains("disk quota exceeded")) {
                    return true;
                }
            }
        }
        return false;
    }
}
