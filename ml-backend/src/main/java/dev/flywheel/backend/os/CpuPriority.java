package dev.flywheel.backend.os;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Lowers the calling thread's OS scheduling priority (raises its nice value) on Linux; elsewhere does nothing.
 *
 * <p>Linux schedules threads, not processes, so {@code setpriority(PRIO_PROCESS, tid, nice)} affects one thread and
 * the threads it creates later (PyTorch's own workers among them). Raising a nice value needs no privilege.
 */
final class CpuPriority {

    private static final Optional<LibC> LIBC = LibC.linux();

    private CpuPriority() {}

    /** Sets the calling thread's nice value; answers whether the system took it. */
    static boolean lowerCurrentThread(int nice) {
        if (LIBC.isEmpty()) {
            return false;
        }
        try {
            // /proc/thread-self links to "<pid>/task/<tid>": the kernel id of this very thread, which Java does not expose.
            String link = Files.readSymbolicLink(Path.of("/proc/thread-self")).toString();
            int tid = Integer.parseInt(link.substring(link.lastIndexOf('/') + 1));
            return LIBC.get().setpriority(LibC.PRIO_PROCESS, tid, nice) == 0;
        } catch (IOException | RuntimeException | LinkageError e) {
            // A scheduling hint is never worth failing the work for.
            return false;
        }
    }

    /** Whether priorities can be lowered here at all. */
    static boolean supported() {
        return LIBC.isPresent();
    }
}
