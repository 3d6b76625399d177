package dev.flywheel.backend.os;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.Locale;
import java.util.Optional;

/**
 * The C library functions Flywheel calls, through JNA (the foreign-function API is still a preview in Java 21, the
 * oldest JDK Flywheel runs on); present on Linux with glibc only.
 */
interface LibC extends Library {

    /** {@code which} for a process or, on Linux, a single thread id. */
    int PRIO_PROCESS = 0;

    int setpriority(int which, int who, int prio);

    /** glibc: returns free memory at the top of every arena and whole free pages inside them to the OS. */
    int malloc_trim(long pad);

    /** The library when this is Linux and it links; empty elsewhere or when native access is refused. */
    static Optional<LibC> linux() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Native.load("c", LibC.class));
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }
}
