package dev.flywheel.backend.training;

import java.io.IOException;
import java.util.Locale;

/** Words a failed run's record with what the user can act on, naming a full disk as such. */
final class RunFailure {

    private RunFailure() {}

    /** The message stored on the failed run: the failure's own message, led by "disk full" when that was the cause. */
    static String describe(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (diskFull(e)) {
            return "no space left on the disk holding FLYWHEEL_HOME; the active version is unchanged. Free space and train again ("
                    + message + ")";
        }
        return message;
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
